package org.jenkinsci.remoting;

// Stub of Remoting 3261.v9c670a_4748a_9 (only the constructor: plugins receive a checker, they do not write one).
public abstract class RoleChecker {
    public RoleChecker() {}
}
