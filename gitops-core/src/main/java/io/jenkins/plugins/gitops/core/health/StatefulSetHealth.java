package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.Fields.count;
import static io.jenkins.plugins.gitops.core.health.Fields.integer;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * The StatefulSet controller sets no conditions, so kstatus reads the counts: every replica
 * created and ready, the partition (if any) updated, and otherwise every replica at the update
 * revision. {@code OnDelete} sets are rolled by people and are Current as they stand.
 */
final class StatefulSetHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        if ("OnDelete".equals(Fields.string(live, "", "spec", "updateStrategy", "type"))) {
            return Health.current("update strategy OnDelete: pods are replaced when deleted");
        }
        long wanted = integer(live, 1, "spec", "replicas");
        long existing = integer(live, 0, "status", "replicas");
        long ready = integer(live, 0, "status", "readyReplicas");
        long current = integer(live, 0, "status", "currentReplicas");
        long updated = integer(live, 0, "status", "updatedReplicas");
        long partition = integer(live, -1, "spec", "updateStrategy", "rollingUpdate", "partition");
        if (wanted > existing) {
            return Health.inProgress(existing + " of " + wanted + " replicas created");
        }
        if (wanted > ready) {
            return Health.inProgress(ready + " of " + wanted + " replicas ready");
        }
        if (existing > wanted) {
            return Health.inProgress(count(existing - wanted, "extra replica") + " pending termination");
        }
        if (partition != -1) {
            long toUpdate = wanted - partition;
            if (updated < toUpdate) {
                return Health.inProgress(
                        updated + " of " + toUpdate + " replicas updated (partition " + partition + ")");
            }
            return Health.current("partitioned rollout complete: " + count(updated, "replica") + " updated");
        }
        if (wanted > current) {
            return Health.inProgress(current + " of " + wanted + " replicas at the current revision");
        }
        String currentRevision = Fields.string(live, "", "status", "currentRevision");
        String updateRevision = Fields.string(live, "", "status", "updateRevision");
        if (!currentRevision.equals(updateRevision)) {
            return Health.inProgress("rolling update from revision " + currentRevision + " to " + updateRevision);
        }
        return Health.current(count(existing, "replica") + " ready");
    }
}
