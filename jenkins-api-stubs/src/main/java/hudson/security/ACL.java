package hudson.security;

import org.springframework.security.core.Authentication;

// Stub of Jenkins 2.479.3 (curated type; the Acegi members and ACLContext are left out). SYSTEM2 is null
// here: it is not a compile-time constant, so code compiled against the stubs reads the real field.
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    ACL() {}

    public final void checkPermission(Permission p) {
        throw new UnsupportedOperationException("stub");
    }

    public final boolean hasPermission(Permission p) {
        throw new UnsupportedOperationException("stub");
    }
}
