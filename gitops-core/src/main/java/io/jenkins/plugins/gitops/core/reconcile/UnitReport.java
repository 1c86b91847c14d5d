package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import java.io.Serializable;
import java.util.List;

/**
 * How one unit ended in a run.
 *
 * @param id {@code namespace/name}, as in the plan
 * @param reason a Flux-style reason: {@code ReconciliationSucceeded}, {@code DependencyNotReady},
 *     {@code HealthCheckFailed}, {@code BuildFailed}, {@code ReconciliationFailed}, {@code
 *     ArtifactFailed}, {@code Suspended}, …
 * @param inventory the inventory ids ({@code <namespace>_<name>_<group>_<kind>}) after the run
 * @param wave the unit's wave in the plan, or null when it could not be ordered
 * @param dependsOn the plan ids of the units it waits for ({@code dependsOn})
 * @param parent the plan id of the unit that renders it; null for the root
 */
public record UnitReport(
        String id,
        String kind,
        UnitStatus status,
        String reason,
        String message,
        String revision,
        List<Change> changes,
        List<String> inventory,
        List<ObjectHealth> health,
        long durationMs,
        Integer wave,
        List<String> dependsOn,
        String parent)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public UnitReport {
        changes = List.copyOf(changes);
        inventory = List.copyOf(inventory);
        health = List.copyOf(health);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A report whose place in the plan is not known yet; see {@link #withPlacement}. */
    public UnitReport(
            String id,
            String kind,
            UnitStatus status,
            String reason,
            String message,
            String revision,
            List<Change> changes,
            List<String> inventory,
            List<ObjectHealth> health,
            long durationMs) {
        this(
                id,
                kind,
                status,
                reason,
                message,
                revision,
                changes,
                inventory,
                health,
                durationMs,
                null,
                List.of(),
                null);
    }

    /** The same report with the unit's place in the plan, so a report alone can draw the graph. */
    public UnitReport withPlacement(Integer newWave, List<String> newDependsOn, String newParent) {
        return new UnitReport(
                id,
                kind,
                status,
                reason,
                message,
                revision,
                changes,
                inventory,
                health,
                durationMs,
                newWave,
                newDependsOn,
                newParent);
    }
}
