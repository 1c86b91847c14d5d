package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * A PodDisruptionBudget whose generation the disruption controller has observed (checked before
 * this rule) has its allowed disruptions computed; there is nothing more to wait for.
 */
final class PodDisruptionBudgetHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        long allowed = Fields.integer(live, 0, "status", "disruptionsAllowed");
        return Health.current(Fields.count(allowed, "disruption") + " allowed");
    }
}
