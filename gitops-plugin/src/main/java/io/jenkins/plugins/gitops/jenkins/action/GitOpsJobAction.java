package io.jenkins.plugins.gitops.jenkins.action;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.jenkins.ui.BuildRecord;
import io.jenkins.plugins.gitops.jenkins.ui.JobPageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's GitOps page: for each fleet the job's builds ran, its latest state per unit and its
 * health and drift history across the last builds. Attached to every job that has a build with a
 * {@link GitOpsRunAction} by {@link GitOpsJobActionFactory}.
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

    /** How many of the job's last builds the page reads. */
    public int getHistoryLength() {
        return historyLength;
    }

    /**
     * What the job page draws ({@code index.jelly}): one model per fleet that has a report in the
     * last {@link #getHistoryLength()} builds, the fleet with the newest build first (fleets of the
     * same build in the order the build ran them). Empty when none has.
     */
    public List<JobPageModel> getFleets() {
        // Builds are walked newest first, so a fleet's first appearance is its newest build.
        Map<String, List<BuildRecord>> byFleet = new LinkedHashMap<>();
        Run<?, ?> run = job.getLastBuild();
        for (int seen = 0; run != null && seen < historyLength; seen++, run = run.getPreviousBuild()) {
            for (GitOpsRunAction action : run.getActions(GitOpsRunAction.class)) {
                BuildRecord record = record(run.getNumber(), action);
                if (record != null) {
                    byFleet.computeIfAbsent(action.getFleet(), f -> new ArrayList<>())
                            .add(record);
                }
            }
        }
        List<JobPageModel> fleets = new ArrayList<>();
        byFleet.forEach((fleet, records) -> fleets.add(JobPageModel.of(fleet, records)));
        return fleets;
    }

    /** What the page says when {@link #getFleets()} is empty. */
    public String getNoRunsText() {
        return JobPageModel.noRunsText(historyLength);
    }

    /**
     * The build's reports, or null when it stored none. The time is the run's own start, or for a
     * drift check (whose report has none) when the action stored it: Jenkins' build time is not
     * needed.
     */
    private static BuildRecord record(int number, GitOpsRunAction action) {
        ReconcileReport report = action.loadReport();
        DriftReport drift = action.loadDrift();
        if (report == null && drift == null) {
            return null;
        }
        long timestampMs = report != null && report.startedAtEpochMs() > 0
                ? report.startedAtEpochMs()
                : action.getRecordedAtEpochMs();
        return new BuildRecord(number, timestampMs, report, drift);
    }

    /** Whether any of the recent builds ran the engine; cheap, since Jenkins asks on every job page. */
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
