package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;

// Stub of Jenkins 2.479.3 (deprecated there too; declared because Builder extends it).
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
    public BuildStepCompatibilityLayer() {}

    @Override
    public boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project) {
        throw new UnsupportedOperationException("stub");
    }
}
