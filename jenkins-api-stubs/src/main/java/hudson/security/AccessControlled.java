package hudson.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

// Stub of Jenkins 2.479.3 (the deprecated Acegi overload is left out).
public interface AccessControlled {
    ACL getACL();

    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stub");
    }

    default void checkAnyPermission(Permission... permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stub");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stub");
    }

    default boolean hasAnyPermission(Permission... permission) {
        throw new UnsupportedOperationException("stub");
    }

    default boolean hasPermission2(Authentication a, Permission permission) {
        throw new UnsupportedOperationException("stub");
    }
}
