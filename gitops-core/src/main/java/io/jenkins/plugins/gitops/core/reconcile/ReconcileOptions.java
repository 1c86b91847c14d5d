package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import java.time.Duration;
import java.util.Set;

/**
 * How to run a fleet.
 *
 * @param dryRun server-side dry runs only: nothing is written, nothing pruned, no waiting
 * @param prune override every unit's {@code spec.prune}; null follows the fleet
 * @param parallelism how many units of one wave run at once
 * @param timeout the per-unit timeout where a unit sets none ({@code spec.timeout})
 * @param fieldManager the server-side apply field manager
 * @param units only these unit ids run (others count as Ready when their last Ready revision is
 *     the current one and they are still healthy); empty means all
 */
public record ReconcileOptions(
        boolean dryRun, Boolean prune, int parallelism, Duration timeout, String fieldManager, Set<String> units) {

    public ReconcileOptions {
        parallelism = Math.max(1, parallelism);
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        fieldManager =
                fieldManager == null || fieldManager.isBlank() ? ApplyOptions.DEFAULT_FIELD_MANAGER : fieldManager;
        units = units == null ? Set.of() : Set.copyOf(units);
    }

    public static ReconcileOptions defaults() {
        return new ReconcileOptions(
                false, null, 4, Duration.ofMinutes(5), ApplyOptions.DEFAULT_FIELD_MANAGER, Set.of());
    }

    public ReconcileOptions withDryRun(boolean value) {
        return new ReconcileOptions(value, prune, parallelism, timeout, fieldManager, units);
    }

    public ReconcileOptions withPrune(Boolean value) {
        return new ReconcileOptions(dryRun, value, parallelism, timeout, fieldManager, units);
    }

    public ReconcileOptions withParallelism(int value) {
        return new ReconcileOptions(dryRun, prune, value, timeout, fieldManager, units);
    }

    public ReconcileOptions withTimeout(Duration value) {
        return new ReconcileOptions(dryRun, prune, parallelism, value, fieldManager, units);
    }

    public ReconcileOptions withFieldManager(String value) {
        return new ReconcileOptions(dryRun, prune, parallelism, timeout, value, units);
    }

    public ReconcileOptions withUnits(Set<String> value) {
        return new ReconcileOptions(dryRun, prune, parallelism, timeout, fieldManager, value);
    }

    /** Whether the unit is one this run is asked to reconcile. */
    public boolean selects(String unitId) {
        return units.isEmpty() || units.contains(unitId);
    }
}
