package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * The rule for kinds kstatus has no rule for: a {@code Ready} condition decides (True is Current,
 * anything else InProgress, because Failed is what {@code Stalled} says); objects without one are
 * Current. kstatus itself ignores {@code Ready} and calls such objects Current; this project waits
 * for it (docs: ARCHITECTURE §4).
 */
final class ReadyConditionHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        return Condition.find(live, "Ready")
                .map(ReadyConditionHealth::fromReady)
                .orElseGet(() -> Health.current("no Ready condition to wait for"));
    }

    private static Health fromReady(Condition ready) {
        if (ready.isTrue()) {
            return Health.current(ready.message().isEmpty() ? "ready" : ready.message());
        }
        String status = ready.status().isEmpty() ? "Unknown" : ready.status();
        return Health.inProgress(
                "Ready is " + status + (ready.explanation("").isEmpty() ? "" : ": " + ready.explanation("")));
    }
}
