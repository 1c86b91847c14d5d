package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.Fields.count;
import static io.jenkins.plugins.gitops.core.health.Fields.integer;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * A DaemonSet is Current once its controller has seen it and the desired number of pods is
 * scheduled, updated, available and ready. Unlike other kinds, a missing generation or observed
 * generation means the controller has not acted yet.
 */
final class DaemonSetHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        if (Fields.integer(live, "metadata", "generation").isEmpty()
                || Fields.integer(live, "status", "observedGeneration").isEmpty()) {
            return Health.inProgress("not observed by the DaemonSet controller yet");
        }
        long desired = integer(live, -1, "status", "desiredNumberScheduled");
        if (desired == -1) {
            return Health.inProgress("desired number of pods not reported yet");
        }
        long scheduled = integer(live, 0, "status", "currentNumberScheduled");
        long updated = integer(live, 0, "status", "updatedNumberScheduled");
        long available = integer(live, 0, "status", "numberAvailable");
        long ready = integer(live, 0, "status", "numberReady");
        if (desired > scheduled) {
            return Health.inProgress(scheduled + " of " + desired + " pods scheduled");
        }
        if (desired > updated) {
            return Health.inProgress(updated + " of " + desired + " pods updated");
        }
        if (desired > available) {
            return Health.inProgress(available + " of " + desired + " pods available");
        }
        if (desired > ready) {
            return Health.inProgress(ready + " of " + desired + " pods ready");
        }
        return Health.current(count(desired, "pod") + " ready");
    }
}
