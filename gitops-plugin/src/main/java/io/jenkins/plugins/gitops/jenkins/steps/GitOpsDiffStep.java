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
 * {@code gitopsDiff(path: 'clusters/prod')}: compares the fleet with the cluster by server-side dry
 * run, prints the drift and returns whether anything drifted. With {@code correct: true} a drifted
 * fleet is applied again (scheduled drift-correction jobs).
 */
public class GitOpsDiffStep extends GitOpsWritingStep {

    private boolean correct;

    @DataBoundConstructor
    public GitOpsDiffStep(String path) {
        super(path);
    }

    public boolean isCorrect() {
        return correct;
    }

    @DataBoundSetter
    public void setCorrect(boolean correct) {
        this.correct = correct;
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.DIFF, getPrune(), false, getFailOn(), correct, "");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunnerExecution(context, settings(), RunnerExecution.Returns.DRIFTED);
    }

    /** Describes {@code gitopsDiff}. */
    @Extension
    @Symbol("gitopsDiff")
    public static final class DescriptorImpl extends GitOpsWritingStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsDiff";
        }

        @Override
        public String getDisplayName() {
            return "Detect (and correct) drift of a GitOps fleet";
        }
    }
}
