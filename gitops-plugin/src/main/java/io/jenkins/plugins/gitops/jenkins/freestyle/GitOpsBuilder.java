package io.jenkins.plugins.gitops.jenkins.freestyle;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.jenkins.forms.FormSupport;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** What the freestyle build steps share: the parameters and the call to the runner. */
public abstract class GitOpsBuilder extends Builder implements SimpleBuildStep {

    /** Tests replace the runner; Jenkins uses {@link GitOpsRunner#create()}. */
    static RunnerFactory runners = GitOpsRunner::create;

    private String path;
    private String repo = "";
    private String ref = "";
    private String kubeconfigCredentialsId = "";
    private String context = "";
    private String gitCredentialsId = "";
    private String units = "";
    private int timeout;
    private int parallel;
    private String fleet = "";
    private String failOn = "FAILURE";

    protected GitOpsBuilder(String path) {
        this.path = RunSettings.blankToEmpty(path);
    }

    public String getPath() {
        return path;
    }

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

    @DataBoundSetter
    public void setUnits(String units) {
        this.units = RunSettings.blankToEmpty(units);
    }

    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = Math.max(0, timeout);
    }

    public int getParallel() {
        return parallel;
    }

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

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = RunSettings.failOn(failOn);
    }

    /** The runner's settings for this build step. */
    public abstract RunSettings settings();

    protected RunSettings settings(
            io.jenkins.plugins.gitops.jenkins.runner.Operation operation,
            Boolean prune,
            boolean dryRun,
            boolean correct,
            String objects) {
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

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        perform(run, AgentWorkspace.of(workspace), env, listener);
    }

    Outcome perform(Run<?, ?> run, AgentWorkspace workspace, EnvVars env, TaskListener listener)
            throws InterruptedException, IOException {
        RunSettings settings = settings();
        Outcome outcome = runners.create().run(run, workspace, env, listener, settings);
        GitOpsRunner.enforce(run, listener, outcome, settings.failOn());
        return outcome;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @FunctionalInterface
    interface RunnerFactory {
        GitOpsRunner create();
    }

    /** The descriptors' shared form methods. */
    public abstract static class GitOpsBuilderDescriptor extends BuildStepDescriptor<Builder> {

        /** "Follow each unit's spec.prune" is submitted blank: keep it null, not {@code false}. */
        @Override
        public Builder newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, FormSupport.withoutBlank(formData, "prune"));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
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
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            return FormSupport.failOnItems();
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
