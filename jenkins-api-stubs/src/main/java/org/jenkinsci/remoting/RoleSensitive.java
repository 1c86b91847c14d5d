package org.jenkinsci.remoting;

// Stub of Remoting 3261.v9c670a_4748a_9.
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
