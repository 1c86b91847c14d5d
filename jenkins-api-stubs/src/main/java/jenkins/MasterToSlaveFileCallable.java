package jenkins;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

// Stub of Jenkins 2.479.3.
public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
    private static final long serialVersionUID = 1L;

    public MasterToSlaveFileCallable() {}

    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("stub");
    }
}
