package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.jenkins.forms.FormSupport;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code gitopsDiff(path: 'clusters/prod')}: compares the fleet with the cluster by server-side dry
 * run, prints the drift and returns whether anything drifted. With {@code correct: true} a drifted
 * fleet is applied again (scheduled drift-correction jobs).
 */
public class GitOpsDiffStep extends GitOpsStep {

    private boolean correct;
    private Boolean prune;
    private String failOn = "FAILURE";

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

    public Boolean getPrune() {
        return prune;
    }

    /** With {@code correct}: override every unit's {@code spec.prune}; null follows the fleet. */
    @DataBoundSetter
    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    public String getFailOn() {
        return failOn;
    }

    /** With {@code correct}: what a unit that fails to re-apply does to the build. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = RunSettings.failOn(failOn);
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.DIFF, prune, false, failOn, correct, "");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunnerExecution(context, settings(), RunnerExecution.Returns.DRIFTED);
    }

    /** Describes {@code gitopsDiff}. */
    @Extension
    @Symbol("gitopsDiff")
    public static final class DescriptorImpl extends GitOpsStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsDiff";
        }

        @Override
        public String getDisplayName() {
            return "Detect (and correct) drift of a GitOps fleet";
        }

        @POST
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return FormSupport.failOnItems(item);
        }
    }
}
