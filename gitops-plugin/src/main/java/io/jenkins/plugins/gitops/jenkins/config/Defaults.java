package io.jenkins.plugins.gitops.jenkins.config;

import java.io.Serializable;

/**
 * The global defaults as a plain value, so the runner and its tests need no Jenkins instance.
 *
 * @param fieldManager the server-side apply field manager
 * @param timeoutSeconds the per-unit timeout where neither the step nor the unit sets one
 * @param parallelism how many units of one wave run at once
 * @param kustomizeBinary an explicit kustomize or kubectl binary on the agents, or empty for the PATH
 * @param historyLength how many earlier builds the job page and the previous-state lookup walk back
 */
public record Defaults(
        String fieldManager, long timeoutSeconds, int parallelism, String kustomizeBinary, int historyLength)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_FIELD_MANAGER = "gitops-jenkins";

    public Defaults {
        fieldManager = fieldManager == null || fieldManager.isBlank() ? DEFAULT_FIELD_MANAGER : fieldManager.trim();
        timeoutSeconds = timeoutSeconds <= 0 ? 300 : timeoutSeconds;
        parallelism = parallelism <= 0 ? 4 : parallelism;
        kustomizeBinary = kustomizeBinary == null ? "" : kustomizeBinary.trim();
        historyLength = historyLength <= 0 ? 30 : historyLength;
    }

    public static Defaults builtIn() {
        return new Defaults(DEFAULT_FIELD_MANAGER, 300, 4, "", 30);
    }
}
