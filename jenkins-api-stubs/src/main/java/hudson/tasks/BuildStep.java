package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;

// Stub of Jenkins 2.479.3 (the deprecated BUILDERS/PUBLISHERS lists and getProjectAction are left out).
public interface BuildStep {
    boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener);

    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException;

    Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project);

    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }
}
