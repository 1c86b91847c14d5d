package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.Extension;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsApply(path: 'clusters/prod')}: reconciles the fleet in dependency order and returns, per
 * unit id, its status, reason, revision and message. A failed unit fails the build, or marks it
 * unstable with {@code failOn: 'UNSTABLE'}.
 */
public class GitOpsApplyStep extends GitOpsWritingStep {

    private boolean dryRun;

    @DataBoundConstructor
    public GitOpsApplyStep(String path) {
        super(path);
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
        return settings(Operation.APPLY, getPrune(), dryRun, getFailOn(), false, "");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunnerExecution(context, settings(), RunnerExecution.Returns.UNITS);
    }

    /** Describes {@code gitopsApply}. */
    @Extension
    @Symbol("gitopsApply")
    public static final class DescriptorImpl extends GitOpsWritingStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsApply";
        }

        @Override
        public String getDisplayName() {
            return "Reconcile a GitOps fleet";
        }
    }
}
