package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.jenkins.forms.FormSupport;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The steps that can write to the cluster ({@code gitopsApply}, and {@code gitopsDiff} with {@code
 * correct: true}): they may override pruning and choose what a failed unit does to the build.
 */
public abstract class GitOpsWritingStep extends GitOpsStep {

    private Boolean prune;
    private String failOn = "FAILURE";

    protected GitOpsWritingStep(String path) {
        super(path);
    }

    public Boolean getPrune() {
        return prune;
    }

    /** Override every unit's {@code spec.prune} when the step applies; null (the default) follows the fleet. */
    @DataBoundSetter
    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    public String getFailOn() {
        return failOn;
    }

    /** What a unit that fails to apply does to the build: {@code FAILURE} (the default) or {@code UNSTABLE}. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = RunSettings.failOn(failOn);
    }

    /** Describes a writing step: adds the {@code failOn} choices to the shared form methods. */
    public abstract static class GitOpsWritingStepDescriptor extends GitOpsStepDescriptor {

        /** "Follow each unit's spec.prune" is submitted blank: keep it null, not {@code false}. */
        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, FormSupport.withoutBlank(formData, "prune"));
        }

        @POST
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return FormSupport.failOnItems();
        }
    }
}
