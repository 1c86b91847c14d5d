package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.Fields.integer;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * Flux's rule for Jobs (fluxcd/pkg {@code runtime/statusreaders/job.go}), not kstatus': a Job is
 * Current only once its {@code Complete} condition is True, Failed when its {@code Failed}
 * condition is True, and InProgress while it runs, so a wait covers the whole run. (kstatus calls a
 * started Job Current.)
 */
final class JobHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        long parallelism = integer(live, 1, "spec", "parallelism");
        long completions = integer(live, parallelism, "spec", "completions");
        long succeeded = integer(live, 0, "status", "succeeded");
        long failed = integer(live, 0, "status", "failed");
        for (Condition c : Condition.of(live)) {
            if (c.type().equals("Complete") && c.isTrue()) {
                return Health.current("completed: " + succeeded + " of " + completions + " succeeded");
            }
            if (c.type().equals("Failed") && c.isTrue()) {
                return Health.failed("job failed after " + Fields.count(failed, "failed pod") + ": "
                        + c.explanation("no reason given"));
            }
        }
        if (Fields.string(live, "", "status", "startTime").isEmpty()) {
            return Health.inProgress("job has not started");
        }
        if (completions > 1) {
            return Health.inProgress("job is running: " + succeeded + " of " + completions + " succeeded");
        }
        return Health.inProgress("job is running");
    }
}
