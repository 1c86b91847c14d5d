package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;

/**
 * One build of a job as the job page sees it: a reconcile report, a drift report, or both (a
 * drift check with {@code correct: true} re-applies).
 *
 * @param number the build number
 * @param timestampMs when the run started or the drift check was recorded, epoch milliseconds; 0
 *     when unknown
 * @param reconcile the run's report, or null
 * @param drift the drift check's report, or null
 */
public record BuildRecord(int number, long timestampMs, ReconcileReport reconcile, DriftReport drift) {

    public BuildRecord {
        if (reconcile == null && drift == null) {
            throw new IllegalArgumentException("build #" + number + " has neither a reconcile nor a drift report");
        }
    }

    public static BuildRecord applied(int number, long timestampMs, ReconcileReport reconcile) {
        return new BuildRecord(number, timestampMs, reconcile, null);
    }

    public static BuildRecord diffed(int number, long timestampMs, DriftReport drift) {
        return new BuildRecord(number, timestampMs, null, drift);
    }
}
