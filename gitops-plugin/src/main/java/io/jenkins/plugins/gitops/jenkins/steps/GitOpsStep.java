package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.jenkins.forms.FormSupport;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The parameters every GitOps step shares: where the fleet is, how to reach the cluster, which
 * units, how long and how wide. Optional, each with a setter whose default is what its getter
 * returns on a fresh step.
 */
public abstract class GitOpsStep extends Step {

    private String path = "";
    private String repo = "";
    private String ref = "";
    private String kubeconfigCredentialsId = "";
    private String context = "";
    private String gitCredentialsId = "";
    private String units = "";
    private int timeout;
    private int parallel;
    private String fleet = "";

    protected GitOpsStep(String path) {
        this.path = RunSettings.blankToEmpty(path);
    }

    public String getPath() {
        return path;
    }

    /** For steps whose path is optional ({@code gitopsWaitHealthy}). */
    protected void setPathValue(String path) {
        this.path = RunSettings.blankToEmpty(path);
    }

    public String getRepo() {
        return repo;
    }

    @DataBoundSetter
    public void setRepo(String repo) {
        this.repo = RunSettings.blankToEmpty(repo);
    }

    public String getRef() {
        return ref;
    }

    @DataBoundSetter
    public void setRef(String ref) {
        this.ref = RunSettings.blankToEmpty(ref);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = RunSettings.blankToEmpty(kubeconfigCredentialsId);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = RunSettings.blankToEmpty(context);
    }

    public String getGitCredentialsId() {
        return gitCredentialsId;
    }

    @DataBoundSetter
    public void setGitCredentialsId(String gitCredentialsId) {
        this.gitCredentialsId = RunSettings.blankToEmpty(gitCredentialsId);
    }

    public String getUnits() {
        return units;
    }

    /** Unit ids ({@code namespace/name}), comma-separated; empty means all. */
    @DataBoundSetter
    public void setUnits(String units) {
        this.units = RunSettings.blankToEmpty(units);
    }

    public int getTimeout() {
        return timeout;
    }

    /** Seconds; 0 means the global default. */
    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = Math.max(0, timeout);
    }

    public int getParallel() {
        return parallel;
    }

    /** Units of one wave run at once; 0 means the global default. */
    @DataBoundSetter
    public void setParallel(int parallel) {
        this.parallel = Math.max(0, parallel);
    }

    public String getFleet() {
        return fleet;
    }

    @DataBoundSetter
    public void setFleet(String fleet) {
        this.fleet = RunSettings.blankToEmpty(fleet);
    }

    /** The runner's settings for this step. */
    public abstract RunSettings settings();

    protected RunSettings settings(
            Operation operation, Boolean prune, boolean dryRun, String failOn, boolean correct, String objects) {
        return new RunSettings(
                operation,
                path,
                repo,
                ref,
                kubeconfigCredentialsId,
                context,
                gitCredentialsId,
                RunSettings.split(units),
                RunSettings.split(objects),
                prune,
                dryRun,
                timeout,
                parallel,
                fleet,
                failOn,
                correct);
    }

    /** Shared by the step descriptors: the context every GitOps step needs, and the form methods. */
    public abstract static class GitOpsStepDescriptor extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String kubeconfigCredentialsId) {
            return FormSupport.kubeconfigCredentials(item, kubeconfigCredentialsId);
        }

        @POST
        public ListBoxModel doFillGitCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String gitCredentialsId) {
            return FormSupport.gitCredentials(item, gitCredentialsId);
        }

        @POST
        public FormValidation doCheckPath(@AncestorInPath Item item, @QueryParameter String path) {
            return FormSupport.checkPath(item, path);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String timeout) {
            return FormSupport.checkTimeout(item, timeout);
        }

        @POST
        public FormValidation doCheckUnits(@AncestorInPath Item item, @QueryParameter String units) {
            return FormSupport.checkUnits(item, units);
        }

        @POST
        public FormValidation doCheckRepo(@AncestorInPath Item item, @QueryParameter String repo) {
            return FormSupport.checkRepo(item, repo);
        }
    }
}
