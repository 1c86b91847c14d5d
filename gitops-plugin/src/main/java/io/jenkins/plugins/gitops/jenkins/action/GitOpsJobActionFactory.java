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

    @Override
    public Collection<? extends Action> createFor(Job target) {
        @SuppressWarnings("unchecked")
        Job<?, ?> job = (Job<?, ?>) target;
        GitOpsJobAction action = new GitOpsJobAction(
                job, GitOpsGlobalConfiguration.currentDefaults().historyLength());
        return action.hasRecords() ? List.of(action) : List.of();
    }
}
