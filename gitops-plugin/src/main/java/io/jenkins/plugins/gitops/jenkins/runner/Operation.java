package io.jenkins.plugins.gitops.jenkins.runner;

/** What the agent is asked to do. A later {@code BOOTSTRAP} (gitopsBootstrap) slots in here. */
public enum Operation {
    /** Reconcile the fleet (or dry-run it). */
    APPLY,
    /** Render and order the fleet; no cluster access at all. */
    PLAN,
    /** Compare the fleet with the cluster; optionally re-apply when it drifted. */
    DIFF,
    /** Check the health of units or objects once, waiting at most the request's timeout. */
    WAIT
}
