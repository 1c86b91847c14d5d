package io.jenkins.plugins.gitops.core.apply;

import java.io.Serializable;

/**
 * One entry of a change set: the object ({@code Kind/namespace/name}) and what happened to it.
 *
 * @param message why, for skipped objects and failures; null otherwise. Never holds secret values.
 */
public record Change(String object, Action action, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Change(String object, Action action) {
        this(object, action, null);
    }

    @Override
    public String toString() {
        return object + " " + action + (message == null ? "" : " (" + message + ")");
    }
}
