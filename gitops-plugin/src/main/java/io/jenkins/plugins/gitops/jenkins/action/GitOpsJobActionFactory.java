package io.jenkins.plugins.gitops.jenkins.action;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.gitops.jenkins.config.GitOpsGlobalConfiguration;
import java.util.Collection;
import java.util.List;
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

    /** The page, when one of the job's last {@code historyLength} builds ran the engine. */
    static List<GitOpsJobAction> actionsFor(Job<?, ?> job, int historyLength) {
        GitOpsJobAction action = new GitOpsJobAction(job, historyLength);
        return action.hasRecords() ? List.of(action) : List.of();
    }
}
