package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;

// Stub of Jenkins 2.479.3 (a selection of members). The permission constants are null here: they are not
// compile-time constants, so code compiled against the stubs reads the real fields at run time.
public interface Item extends AccessControlled {
    Permission CREATE = null;
    Permission DELETE = null;
    Permission CONFIGURE = null;
    Permission READ = null;
    Permission DISCOVER = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;
    Permission WORKSPACE = null;
    Permission CANCEL = null;

    ItemGroup<? extends Item> getParent();

    String getName();

    String getFullName();

    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    String getShortUrl();

    void save() throws IOException;
}
