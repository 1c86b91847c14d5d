package io.jenkins.plugins.gitops.core.reconcile;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of one run over a fleet: units in plan order, events, and timings. It is the only
 * thing the Jenkins layer and the command line draw from, it serializes, and it holds no secret
 * values.
 */
public record ReconcileReport(
        String source,
        String revision,
        String path,
        boolean dryRun,
        List<UnitReport> units,
        List<Event> events,
        List<String> errors,
        long startedAtEpochMs,
        long durationMs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ReconcileReport {
        units = List.copyOf(units);
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    /** Whether every unit that ran is Ready (suspended units do not count against it). */
    public boolean ready() {
        return units.stream().allMatch(u -> u.status() == UnitStatus.READY || u.status() == UnitStatus.SUSPENDED);
    }
}
