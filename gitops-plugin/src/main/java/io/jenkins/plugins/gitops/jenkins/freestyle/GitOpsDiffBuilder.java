package io.jenkins.plugins.gitops.jenkins.freestyle;

import hudson.Extension;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** GitOps: detect and correct drift as a freestyle build step. */
public class GitOpsDiffBuilder extends GitOpsBuilder {

    private boolean correct;
    private Boolean prune;

    @DataBoundConstructor
    public GitOpsDiffBuilder(String path) {
        super(path);
    }

    public boolean isCorrect() {
        return correct;
    }

    @DataBoundSetter
    public void setCorrect(boolean correct) {
        this.correct = correct;
    }

    public Boolean getPrune() {
        return prune;
    }

    @DataBoundSetter
    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.DIFF, prune, false, correct, "");
    }

    /** Describes the build step. */
    @Extension
    @Symbol("gitopsDiffBuilder")
    public static final class DescriptorImpl extends GitOpsBuilderDescriptor {

        @Override
        public String getDisplayName() {
            return "GitOps: detect and correct drift";
        }
    }
}
