package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/** Kinds with no status to wait for: ConfigMap, Secret, CronJob. */
final class AlwaysCurrent implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        return Health.current("exists");
    }
}
