package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

// Stub of Jenkins 2.479.3 (the deprecated four-argument perform and LastBuildAction are left out).
public interface SimpleBuildStep extends BuildStep {
    default void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }

    default void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stub");
    }
}
