package io.jenkins.plugins.gitops.jenkins.freestyle;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitops.jenkins.forms.FormSupport;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

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
        this.objects = RunSettings.blankToEmpty(objects);
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

        /** The path is optional here: it only selects the fleet whose state names the units. */
        @Override
        @POST
        public FormValidation doCheckPath(@AncestorInPath Item item, @QueryParameter String path) {
            return FormSupport.checkOptionalPath(item, path);
        }
    }
}
