package io.jenkins.plugins.gitops.jenkins.freestyle;

import hudson.Extension;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** GitOps: wait until healthy as a freestyle build step. */
public class GitOpsWaitBuilder extends GitOpsBuilder {

    private String objects = "";

    @DataBoundConstructor
    public GitOpsWaitBuilder() {
        super("");
    }

    /** Selects the fleet whose state names the units' objects; optional. */
    @DataBoundSetter
    public void setPath(String path) {
        setPathValue(path);
    }

    public String getObjects() {
        return objects;
    }

    @DataBoundSetter
    public void setObjects(String objects) {
        this.objects = objects == null ? "" : objects.trim();
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.WAIT, null, false, false, objects);
    }

    /** Describes the build step. */
    @Extension
    @Symbol("gitopsWaitBuilder")
    public static final class DescriptorImpl extends GitOpsBuilderDescriptor {

        @Override
        public String getDisplayName() {
            return "GitOps: wait until healthy";
        }
    }
}
