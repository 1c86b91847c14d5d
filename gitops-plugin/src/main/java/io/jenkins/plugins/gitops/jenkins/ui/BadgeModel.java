package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.io.Serializable;
import java.util.StringJoiner;

/**
 * The badge a build shows in its history when health checks failed or drift was found. Small and
 * serializable so an action can keep it without loading the full report.
 */
public final class BadgeModel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BadgeModel NONE = new BadgeModel(0, 0);

    private final int unhealthyUnits;
    private final int driftedUnits;

    private BadgeModel(int unhealthyUnits, int driftedUnits) {
        this.unhealthyUnits = Math.max(0, unhealthyUnits);
        this.driftedUnits = Math.max(0, driftedUnits);
    }

    /** A badge from counts kept in a build's summary. */
    public static BadgeModel of(int unhealthyUnits, int driftedUnits) {
        return unhealthyUnits <= 0 && driftedUnits <= 0 ? NONE : new BadgeModel(unhealthyUnits, driftedUnits);
    }

    /** Health failed in a unit whose health check failed or which has an object in {@code Failed}. */
    public static BadgeModel of(ReconcileReport report) {
        int unhealthy =
                (int) report.units().stream().filter(BadgeModel::unhealthy).count();
        return of(unhealthy, 0);
    }

    public static BadgeModel of(DriftReport report) {
        int drifted =
                (int) report.units().stream().filter(JobPageModel::drifted).count();
        return of(0, drifted);
    }

    static boolean unhealthy(UnitReport unit) {
        return (unit.status() == UnitStatus.FAILED && "HealthCheckFailed".equals(unit.reason()))
                || unit.health().stream().anyMatch(h -> h.status() == HealthStatus.FAILED);
    }

    /** Both badges together, for a build that applied and checked drift. */
    public BadgeModel and(BadgeModel other) {
        return of(unhealthyUnits + other.unhealthyUnits, driftedUnits + other.driftedUnits);
    }

    /** Whether there is anything to show. */
    public boolean isVisible() {
        return isHealthFailed() || isDriftFound();
    }

    public boolean isHealthFailed() {
        return unhealthyUnits > 0;
    }

    public boolean isDriftFound() {
        return driftedUnits > 0;
    }

    public int getUnhealthyUnits() {
        return unhealthyUnits;
    }

    public int getDriftedUnits() {
        return driftedUnits;
    }

    /** "GitOps: health failed in 1 unit, drift in 2 units". */
    public String getTooltip() {
        StringJoiner out = new StringJoiner(", ", "GitOps: ", "");
        out.setEmptyValue("");
        if (isHealthFailed()) {
            out.add("health failed in " + Texts.plural(unhealthyUnits, "unit", "units"));
        }
        if (isDriftFound()) {
            out.add("drift in " + Texts.plural(driftedUnits, "unit", "units"));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BadgeModel b && b.unhealthyUnits == unhealthyUnits && b.driftedUnits == driftedUnits;
    }

    @Override
    public int hashCode() {
        return 31 * unhealthyUnits + driftedUnits;
    }

    @Override
    public String toString() {
        return isVisible() ? getTooltip() : "GitOps: no badge";
    }
}
