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
 * {@code gitopsApply(path: 'clusters/prod')}: reconciles the fleet in dependency order and returns, per
 * unit id, its status, reason, revision and message. A failed unit fails the build, or marks it
 * unstable with {@code failOn: 'UNSTABLE'}.
 */
public class GitOpsApplyStep extends GitOpsStep {

    private Boolean prune;
    private boolean dryRun;
    private String failOn = "FAILURE";

    @DataBoundConstructor
    public GitOpsApplyStep(String path) {
        super(path);
    }

    public Boolean getPrune() {
        return prune;
    }

    /** Override every unit's {@code spec.prune}; null (the default) follows the fleet. */
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

    public String getFailOn() {
        return failOn;
    }

    /** {@code FAILURE} (the default) or {@code UNSTABLE}. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = RunSettings.failOn(failOn);
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.APPLY, prune, dryRun, failOn, false, "");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunnerExecution(context, settings(), RunnerExecution.Returns.UNITS);
    }

    /** Describes {@code gitopsApply}. */
    @Extension
    @Symbol("gitopsApply")
    public static final class DescriptorImpl extends GitOpsStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsApply";
        }

        @Override
        public String getDisplayName() {
            return "Reconcile a GitOps fleet";
        }

        @POST
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return FormSupport.failOnItems(item);
        }
    }
}
