package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import java.io.Serializable;
import java.util.Objects;

/**
 * An object that could not be applied or deleted, and why. The message says subject, verb, cause and
 * a hint; it never holds secret values.
 */
public record Failure(ResourceRef ref, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Failure {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(message, "message");
    }

    /** {@code Kind/namespace/name}. */
    public String object() {
        return ref.toString();
    }

    @Override
    public String toString() {
        return message;
    }
}
