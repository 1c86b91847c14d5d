package hudson.model;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.IOException;
import java.util.Map;

// Stub of Jenkins 2.479.3 (curated type).
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }

    public final P getProject() {
        throw new UnsupportedOperationException("stub");
    }

    public final FilePath getWorkspace() {
        throw new UnsupportedOperationException("stub");
    }

    public final FilePath getModuleRoot() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public EnvVars getEnvironment(TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public Map<String, String> getBuildVariables() {
        throw new UnsupportedOperationException("stub");
    }
}
