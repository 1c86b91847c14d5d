package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.state.FleetState;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the agent sends back; serializable and free of secret values.
 *
 * @param report the reconcile report (APPLY, and DIFF with {@code correct} when it re-applied)
 * @param plan the plan as a JSON tree (PLAN)
 * @param drift the drift report (DIFF)
 * @param health the health check (WAIT)
 * @param state the fleet's state after the run; null when nothing was written (dry run, plan)
 * @param interrupted the build was aborted while the engine ran: what it did so far is still here
 */
public record AgentResult(
        Operation operation,
        ReconcileReport report,
        Map<String, Object> plan,
        DriftReport drift,
        Health health,
        FleetState state,
        boolean interrupted)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The same result, marked as coming from an aborted build. */
    public AgentResult asInterrupted() {
        return interrupted ? this : new AgentResult(operation, report, plan, drift, health, state, true);
    }

    /** A health check's outcome: {@code Current}, {@code InProgress}, {@code Failed} or {@code Unknown}. */
    public record Health(String status, String summary, List<String> objects) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Health {
            objects = List.copyOf(objects);
        }

        public boolean current() {
            return "Current".equals(status);
        }

        public boolean failed() {
            return "Failed".equals(status);
        }
    }
}
