package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.Fields.count;
import static io.jenkins.plugins.gitops.core.health.Fields.integer;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * A Deployment is Current when every replica exists, runs the new template, is available and
 * ready, and the controller reports the new ReplicaSet and the Deployment Available; a Progressing
 * condition with reason {@code ProgressDeadlineExceeded} makes it Failed.
 */
final class DeploymentHealth implements HealthRule {

    /** The API server's "no deadline" value: the controller then never sets Progressing. */
    private static final long NO_DEADLINE = Integer.MAX_VALUE;

    @Override
    public Health evaluate(Manifest live, Instant now) {
        boolean progressing = integer(live, NO_DEADLINE, "spec", "progressDeadlineSeconds") == NO_DEADLINE;
        boolean available = false;
        for (Condition c : Condition.of(live)) {
            if (c.type().equals("Progressing")) {
                if (c.reason().equals("ProgressDeadlineExceeded")) {
                    return Health.failed(
                            "progress deadline exceeded" + (c.message().isEmpty() ? "" : ": " + c.message()));
                }
                if (c.isTrue() && c.reason().equals("NewReplicaSetAvailable")) {
                    progressing = true;
                }
            } else if (c.type().equals("Available") && c.isTrue()) {
                available = true;
            }
        }
        long wanted = integer(live, 1, "spec", "replicas");
        long existing = integer(live, 0, "status", "replicas");
        long updated = integer(live, 0, "status", "updatedReplicas");
        long ready = integer(live, 0, "status", "readyReplicas");
        long availableReplicas = integer(live, 0, "status", "availableReplicas");
        if (wanted > existing) {
            return Health.inProgress(existing + " of " + wanted + " replicas created");
        }
        if (wanted > updated) {
            return Health.inProgress(updated + " of " + wanted + " replicas updated");
        }
        if (existing > wanted) {
            return Health.inProgress(count(existing - wanted, "old replica") + " pending termination");
        }
        if (updated > availableReplicas) {
            return Health.inProgress(availableReplicas + " of " + updated + " updated replicas available");
        }
        if (wanted > ready) {
            return Health.inProgress(ready + " of " + wanted + " replicas ready");
        }
        if (!progressing) {
            return Health.inProgress("waiting for the new ReplicaSet to become available");
        }
        if (!available) {
            return Health.inProgress("waiting for the Available condition");
        }
        return Health.current(count(existing, "replica") + " available");
    }
}
