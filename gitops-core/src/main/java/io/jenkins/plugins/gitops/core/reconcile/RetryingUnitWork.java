package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import java.time.Duration;
import java.util.Set;

/**
 * Flux's {@code spec.retryInterval} within one run: a unit whose apply or health check failed is
 * tried again after that interval, as long as its {@code spec.timeout} (or the run's default
 * timeout) leaves room. Units without an explicit {@code retryInterval} are tried once, so a
 * one-shot run stays as short as it can be; failures a retry cannot mend (a render error, a
 * dependency cycle) are never retried.
 */
final class RetryingUnitWork implements UnitWork {

    private static final Set<String> RETRIED = Set.of("ReconciliationFailed", "HealthCheckFailed", "PruneFailed");

    private final UnitWork work;

    RetryingUnitWork(UnitWork work) {
        this.work = work;
    }

    @Override
    public UnitReport run(PlannedUnit unit, RunContext context) {
        Duration interval = Trees.string(unit.loaded().unit().spec(), "retryInterval")
                .map(GoDuration::parse)
                .orElse(null);
        Duration timeout = Trees.string(unit.loaded().unit().spec(), "timeout")
                .map(GoDuration::parse)
                .orElse(context.options().timeout());
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempt = 1;
        while (true) {
            UnitReport report = work.run(unit, context);
            boolean retry = interval != null
                    && !context.options().dryRun()
                    && report.status() == UnitStatus.FAILED
                    && RETRIED.contains(report.reason())
                    && System.nanoTime() + interval.toNanos() < deadline;
            if (!retry) {
                return report;
            }
            context.info(
                    unit.id(),
                    "Retrying",
                    "attempt " + attempt + " failed; retrying in " + interval.toSeconds() + " s (spec.retryInterval)");
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            attempt++;
        }
    }
}
