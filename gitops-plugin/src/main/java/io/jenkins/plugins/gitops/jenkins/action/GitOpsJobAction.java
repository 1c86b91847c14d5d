package io.jenkins.plugins.gitops.jenkins.action;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.jenkins.ui.BuildRecord;
import io.jenkins.plugins.gitops.jenkins.ui.JobPageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's GitOps page: the fleet's latest state per unit and the health and drift history
 * across the last builds. Attached to every job that has a build with a {@link GitOpsRunAction}
 * by {@link GitOpsJobActionFactory}.
 */
public final class GitOpsJobAction implements Action {

    private final Job<?, ?> job;
    private final int historyLength;

    GitOpsJobAction(Job<?, ?> job, int historyLength) {
        this.job = job;
        this.historyLength = historyLength;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** What the job page draws ({@code index.jelly}). */
    public JobPageModel getModel() {
        List<BuildRecord> records = new ArrayList<>();
        Run<?, ?> run = job.getLastBuild();
        for (int seen = 0; run != null && seen < historyLength; seen++, run = run.getPreviousBuild()) {
            for (GitOpsRunAction action : run.getActions(GitOpsRunAction.class)) {
                ReconcileReport report = action.loadReport();
                DriftReport drift = action.loadDrift();
                if (report != null || drift != null) {
                    records.add(new BuildRecord(run.getNumber(), run.getTimeInMillis(), report, drift));
                }
            }
        }
        return JobPageModel.of(records);
    }

    /** Whether any of the recent builds ran the engine. */
    boolean hasRecords() {
        Run<?, ?> run = job.getLastBuild();
        for (int seen = 0; run != null && seen < historyLength; seen++, run = run.getPreviousBuild()) {
            if (!run.getActions(GitOpsRunAction.class).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "GitOps";
    }

    @Override
    public String getUrlName() {
        return "gitops";
    }
}
