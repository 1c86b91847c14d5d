package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.Extension;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code gitopsPlan(path: 'clusters/prod')}: renders and orders the fleet without touching a cluster,
 * prints the waves and returns the plan (source, path, units, waves, errors) as a map.
 */
public class GitOpsPlanStep extends GitOpsStep {

    @DataBoundConstructor
    public GitOpsPlanStep(String path) {
        super(path);
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.PLAN, null, false, "FAILURE", false, "");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunnerExecution(context, settings(), RunnerExecution.Returns.PLAN);
    }

    /** Describes {@code gitopsPlan}. */
    @Extension
    @Symbol("gitopsPlan")
    public static final class DescriptorImpl extends GitOpsStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsPlan";
        }

        @Override
        public String getDisplayName() {
            return "Plan a GitOps fleet (no cluster writes)";
        }
    }
}
