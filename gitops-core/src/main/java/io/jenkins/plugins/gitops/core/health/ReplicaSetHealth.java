package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.Fields.count;
import static io.jenkins.plugins.gitops.core.health.Fields.integer;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * A ReplicaSet is Current when every replica is labelled, available and ready and none is left
 * over. A {@code ReplicaFailure} condition keeps it InProgress (the pods say why), as in kstatus.
 */
final class ReplicaSetHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        for (Condition c : Condition.of(live)) {
            if (c.type().equals("ReplicaFailure") && c.isTrue()) {
                return Health.inProgress("replica failure: " + c.explanation("check the pods"));
            }
        }
        long wanted = integer(live, 1, "spec", "replicas");
        long existing = integer(live, 0, "status", "replicas");
        long ready = integer(live, 0, "status", "readyReplicas");
        long available = integer(live, 0, "status", "availableReplicas");
        long labelled = integer(live, 0, "status", "fullyLabeledReplicas");
        if (wanted > labelled) {
            return Health.inProgress(labelled + " of " + wanted + " replicas fully labelled");
        }
        if (wanted > available) {
            return Health.inProgress(available + " of " + wanted + " replicas available");
        }
        if (wanted > ready) {
            return Health.inProgress(ready + " of " + wanted + " replicas ready");
        }
        if (existing > wanted) {
            return Health.inProgress(count(existing - wanted, "extra replica") + " pending termination");
        }
        return Health.current(count(existing, "replica") + " available");
    }
}
