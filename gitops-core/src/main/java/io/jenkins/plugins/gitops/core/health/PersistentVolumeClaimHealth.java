package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/** A claim is Current once Bound to a volume. */
final class PersistentVolumeClaimHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        String phase = Fields.string(live, "", "status", "phase");
        if (phase.equals("Bound")) {
            return Health.current("bound to volume " + Fields.string(live, "?", "spec", "volumeName"));
        }
        return Health.inProgress("not bound yet (phase " + (phase.isEmpty() ? "unknown" : phase) + ")");
    }
}
