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
        long durationMs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public UnitReport {
        changes = List.copyOf(changes);
        inventory = List.copyOf(inventory);
        health = List.copyOf(health);
    }
}
