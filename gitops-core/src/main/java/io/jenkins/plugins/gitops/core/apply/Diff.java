package io.jenkins.plugins.gitops.core.apply;

import java.io.Serializable;

/**
 * How an object in the cluster differs from what would be applied.
 *
 * @param object {@code Kind/namespace/name}
 * @param action what an apply would do: created, configured, unchanged or skipped
 * @param drifted whether an apply would change the cluster
 * @param text a unified diff of the normalized YAML ({@code ---} live, {@code +++} desired) with
 *     Secret values masked; empty when nothing drifted
 */
public record Diff(String object, Action action, boolean drifted, String text) implements Serializable {

    private static final long serialVersionUID = 1L;
}
