package io.jenkins.plugins.gitops.jenkins.action;

import hudson.model.Run;
import io.jenkins.plugins.gitops.core.state.FleetState;

/**
 * Finds a fleet's last state for the engine to prune against: this build's own earlier run of the
 * fleet first, then the builds before it, newest first, skipping builds without one (failed
 * checkouts, plans, dry runs, other fleets).
 */
public final class PreviousState {

    private PreviousState() {}

    /** The state, or {@link FleetState#EMPTY} when none of the last {@code maxBuilds} builds has one. */
    public static FleetState find(Run<?, ?> run, String fleet, int maxBuilds) {
        GitOpsRunAction action = findAction(run, fleet, maxBuilds);
        return action == null ? FleetState.EMPTY : action.loadState();
    }

    /** The action holding the state, or null. */
    public static GitOpsRunAction findAction(Run<?, ?> run, String fleet, int maxBuilds) {
        Run<?, ?> r = run;
        for (int seen = 0; r != null && seen <= maxBuilds; seen++) {
            for (GitOpsRunAction action : r.getActions(GitOpsRunAction.class)) {
                if (action.getFleet().equals(fleet) && action.hasState()) {
                    return action;
                }
            }
            r = r.getPreviousBuild();
        }
        return null;
    }
}
