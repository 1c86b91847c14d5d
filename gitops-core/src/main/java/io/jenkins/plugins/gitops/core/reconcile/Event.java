package io.jenkins.plugins.gitops.core.reconcile;

import java.io.Serializable;

/**
 * Something that happened during a run, as Flux records events: when (ms since the run started),
 * the unit, a severity ({@code Normal} or {@code Warning}), a reason and a message. Never holds
 * secret values.
 */
public record Event(long atMs, String unit, String severity, String reason, String message) implements Serializable {

    private static final long serialVersionUID = 1L;
}
