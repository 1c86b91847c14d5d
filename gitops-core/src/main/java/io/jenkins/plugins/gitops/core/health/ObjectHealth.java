package io.jenkins.plugins.gitops.core.health;

import java.io.Serializable;

/** The health of a named object ({@code Kind/namespace/name}), as reports carry it. */
public record ObjectHealth(String object, HealthStatus status, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return object + " " + status + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
