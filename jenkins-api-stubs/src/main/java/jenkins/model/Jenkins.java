package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import org.springframework.security.access.AccessDeniedException;

// Stub of Jenkins 2.479.3 (curated type; MANAGE is left out: it is @Restricted(Beta) in 2.479.3). The permission
// constants are null here: they are not
// compile-time constants, so code compiled against the stubs reads the real fields at run time.
public class Jenkins extends AbstractCIBase implements AccessControlled {
    public static final Permission ADMINISTER;
    public static final Permission SYSTEM_READ;
    public static final Permission READ;

    static {
        ADMINISTER = null;
        SYSTEM_READ = null;
        READ = null;
    }

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stub");
    }

    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("stub");
    }

    @SuppressWarnings("rawtypes")
    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("stub");
    }

    public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("stub");
    }
}
