package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.plan.PlannedUnit;

/**
 * Reconciles one unit whose dependencies are Ready: the per-unit pipeline. The {@link Reconciler}
 * decides when a unit runs; this decides what running it means.
 */
@FunctionalInterface
public interface UnitWork {

    /**
     * Runs the unit. Implementations stop promptly when the thread is interrupted and still return
     * a report of what was done.
     */
    UnitReport run(PlannedUnit unit, RunContext context);
}
