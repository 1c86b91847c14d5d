package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.Optional;

/**
 * kstatus' checks for every kind, made before the kind's own rule: deletion, an unobserved
 * generation, and the {@code Reconciling} and {@code Stalled} conditions (kstatus {@code
 * generic.go}). Empty when they cannot decide.
 */
final class GenericHealth {

    private GenericHealth() {}

    static Optional<Health> check(Manifest live) {
        if (!Fields.string(live, "", "metadata", "deletionTimestamp").isEmpty()) {
            return Optional.of(new Health(HealthStatus.TERMINATING, "scheduled for deletion"));
        }
        Optional<Health> generation = unobservedGeneration(live);
        if (generation.isPresent()) {
            return generation;
        }
        for (Condition c : Condition.of(live)) {
            if (c.type().equals("Reconciling") && c.isTrue()) {
                return Optional.of(Health.inProgress(c.explanation("reconciling")));
            }
            if (c.type().equals("Stalled") && c.isTrue()) {
                return Optional.of(Health.failed(c.explanation("stalled")));
            }
        }
        return Optional.empty();
    }

    /**
     * InProgress when both {@code metadata.generation} and {@code status.observedGeneration} are set
     * and differ; objects without an observed generation cannot be judged this way.
     */
    static Optional<Health> unobservedGeneration(Manifest live) {
        Optional<Long> generation = Fields.integer(live, "metadata", "generation");
        Optional<Long> observed = Fields.integer(live, "status", "observedGeneration");
        if (generation.isEmpty() || observed.isEmpty() || generation.get().equals(observed.get())) {
            return Optional.empty();
        }
        return Optional.of(Health.inProgress("generation " + generation.get()
                + " not observed yet (the controller last saw generation " + observed.get() + ")"));
    }
}
