package io.jenkins.plugins.gitops.jenkins.action;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitops.jenkins.config.GitOpsGlobalConfiguration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jenkins.model.TransientActionFactory;

/** Adds the GitOps page to jobs whose recent builds ran the engine. */
@Extension
@SuppressWarnings("rawtypes")
public final class GitOpsJobActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    /** Jenkins then asks this factory only for the GitOps page, not on every lookup of a job's actions. */
    @Override
    public Class<? extends Action> actionType() {
        return GitOpsJobAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        @SuppressWarnings("unchecked")
        Job<?, ?> job = (Job<?, ?>) target;
        return actionsFor(job, GitOpsGlobalConfiguration.currentDefaults().historyLength());
    }

    /**
     * What the factory found per job, for a finished last build: Jenkins asks on every view of a job
     * (its side panel lists all actions), and the answer only changes with a new build. While the
     * last build runs it may add a run, so nothing is kept then.
     */
    private static final Map<Job<?, ?>, Seen> SEEN = Collections.synchronizedMap(new WeakHashMap<>());

    private record Seen(int lastBuild, int historyLength, boolean records) {}

    /** The page, when one of the job's last {@code historyLength} builds ran the engine. */
    static List<GitOpsJobAction> actionsFor(Job<?, ?> job, int historyLength) {
        GitOpsJobAction action = new GitOpsJobAction(job, historyLength);
        Run<?, ?> last = job.getLastBuild();
        if (last == null) {
            return List.of();
        }
        Seen seen = SEEN.get(job);
        boolean records;
        if (seen != null && seen.lastBuild() == last.getNumber() && seen.historyLength() == historyLength) {
            records = seen.records();
        } else {
            // asked first: a build that records and finishes meanwhile must not be kept as "no records"
            boolean building = last.isBuilding();
            records = action.hasRecords();
            if (!building) {
                SEEN.put(job, new Seen(last.getNumber(), historyLength, records));
            }
        }
        return records ? List.of(action) : List.of();
    }
}
