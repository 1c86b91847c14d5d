package io.jenkins.plugins.gitops.jenkins.config;

import hudson.Extension;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Defaults for every GitOps step and build step. JCasC binds the setters:
 *
 * <pre>
 * unclassified:
 *   gitops:
 *     fieldManager: gitops-jenkins
 *     timeoutSeconds: 300
 *     parallelism: 4
 *     kustomizeBinary: /usr/local/bin/kustomize
 *     historyLength: 30
 * </pre>
 */
@Extension
@Symbol("gitops")
public class GitOpsGlobalConfiguration extends GlobalConfiguration {

    private String fieldManager = Defaults.DEFAULT_FIELD_MANAGER;
    private long timeoutSeconds = 300;
    private int parallelism = 4;
    private String kustomizeBinary = "";
    private int historyLength = 30;

    public GitOpsGlobalConfiguration() {
        load();
    }

    /** For tests: no persisted state is read. */
    GitOpsGlobalConfiguration(boolean load) {
        if (load) {
            load();
        }
    }

    /** The configuration of the running Jenkins. */
    public static GitOpsGlobalConfiguration get() {
        return Jenkins.get().getDescriptorByType(GitOpsGlobalConfiguration.class);
    }

    /** The current defaults of the running Jenkins, or the built-in ones when none is running. */
    public static Defaults currentDefaults() {
        GitOpsGlobalConfiguration config = Jenkins.getInstanceOrNull() == null ? null : get();
        return config == null ? Defaults.builtIn() : config.toDefaults();
    }

    public Defaults toDefaults() {
        return new Defaults(fieldManager, timeoutSeconds, parallelism, kustomizeBinary, historyLength);
    }

    public String getFieldManager() {
        return fieldManager;
    }

    @DataBoundSetter
    public void setFieldManager(String fieldManager) {
        this.fieldManager =
                fieldManager == null || fieldManager.isBlank() ? Defaults.DEFAULT_FIELD_MANAGER : fieldManager.trim();
        persist();
    }

    public long getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds <= 0 ? 300 : timeoutSeconds;
        persist();
    }

    public int getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(int parallelism) {
        this.parallelism = parallelism <= 0 ? 4 : parallelism;
        persist();
    }

    public String getKustomizeBinary() {
        return kustomizeBinary;
    }

    @DataBoundSetter
    public void setKustomizeBinary(String kustomizeBinary) {
        this.kustomizeBinary = kustomizeBinary == null ? "" : kustomizeBinary.trim();
        persist();
    }

    public int getHistoryLength() {
        return historyLength;
    }

    @DataBoundSetter
    public void setHistoryLength(int historyLength) {
        this.historyLength = historyLength <= 0 ? 30 : historyLength;
        persist();
    }

    /** Saves the configuration; tests override it, as the stubs cannot write {@code config.xml}. */
    protected void persist() {
        save();
    }
}
