package io.jenkins.plugins.gitops.jenkins.freestyle;

import hudson.Extension;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** GitOps: reconcile a fleet as a freestyle build step. */
public class GitOpsApplyBuilder extends GitOpsBuilder {

    private Boolean prune;
    private boolean dryRun;

    @DataBoundConstructor
    public GitOpsApplyBuilder(String path) {
        super(path);
    }

    public Boolean getPrune() {
        return prune;
    }

    @DataBoundSetter
    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.APPLY, prune, dryRun, false, "");
    }

    /** Describes the build step. */
    @Extension
    @Symbol("gitopsApplyBuilder")
    public static final class DescriptorImpl extends GitOpsBuilderDescriptor {

        @Override
        public String getDisplayName() {
            return "GitOps: reconcile a fleet";
        }
    }
}
