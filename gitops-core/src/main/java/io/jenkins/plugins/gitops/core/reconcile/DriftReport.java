package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.apply.Diff;
import java.io.Serializable;
import java.util.List;

/**
 * What differs between Git and the cluster, per unit: each object an apply would change, with a
 * unified diff whose Secret values are masked.
 */
public record DriftReport(String revision, List<UnitDrift> units) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DriftReport {
        units = List.copyOf(units);
    }

    /** Whether anything would change, or a unit could not be compared. */
    public boolean drifted() {
        return units.stream()
                .anyMatch(u -> u.error() != null || u.diffs().stream().anyMatch(Diff::drifted));
    }

    /** One unit's drift; {@code error} says why it could not be compared. */
    public record UnitDrift(String id, List<Diff> diffs, String error) implements Serializable {

        private static final long serialVersionUID = 1L;

        public UnitDrift {
            diffs = List.copyOf(diffs);
        }
    }
}
