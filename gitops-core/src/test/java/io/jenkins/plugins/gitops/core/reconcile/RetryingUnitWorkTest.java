package io.jenkins.plugins.gitops.core.reconcile;

import static io.jenkins.plugins.gitops.core.plan.FakeFleet.configMap;
import static io.jenkins.plugins.gitops.core.plan.FakeFleet.ks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.FakeFleet;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.state.FleetState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryingUnitWorkTest {

    @TempDir
    Path scratch;

    private PlannedUnit unit(String extraSpec) {
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("app", "./app").replace("  prune: true\n", "  prune: true\n" + extraSpec))
                .path("app", configMap("a"))
                .plan(scratch, "clusters/prod");
        return plan.unit("flux-system/app").orElseThrow();
    }

    private static RunContext context(PlannedUnit unit) {
        Plan plan = new Plan("src", "rev", "path", List.of(unit), List.of(List.of(unit.id())), List.of());
        return new RunContext(
                plan, FleetState.EMPTY, ReconcileOptions.defaults(), new SecretRedactor(), ProgressListener.NONE);
    }

    private static UnitWork failingTimes(int failures, String reason, AtomicInteger attempts) {
        return (unit, context) -> {
            int n = attempts.incrementAndGet();
            UnitStatus status = n <= failures ? UnitStatus.FAILED : UnitStatus.READY;
            return new UnitReport(
                    unit.id(),
                    "Kustomization",
                    status,
                    status == UnitStatus.READY ? "ReconciliationSucceeded" : reason,
                    "attempt " + n,
                    "rev",
                    List.of(),
                    List.of(),
                    List.of(),
                    0);
        };
    }

    @Test
    void shouldRetryAFailedApplyAfterTheRetryIntervalWithinTheTimeout() {
        PlannedUnit unit = unit("  retryInterval: 50ms\n  timeout: 5s\n");
        AtomicInteger attempts = new AtomicInteger();

        UnitReport report =
                new RetryingUnitWork(failingTimes(2, "ReconciliationFailed", attempts)).run(unit, context(unit));

        assertThat(report.status()).isEqualTo(UnitStatus.READY);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void shouldTryOnceWithoutAnExplicitRetryInterval() {
        PlannedUnit unit = unit("");
        AtomicInteger attempts = new AtomicInteger();

        UnitReport report =
                new RetryingUnitWork(failingTimes(2, "ReconciliationFailed", attempts)).run(unit, context(unit));

        assertThat(report.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryWhatARetryCannotMend() {
        PlannedUnit unit = unit("  retryInterval: 10ms\n  timeout: 5s\n");
        AtomicInteger attempts = new AtomicInteger();

        new RetryingUnitWork(failingTimes(5, "BuildFailed", attempts)).run(unit, context(unit));

        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void shouldStopRetryingWhenTheTimeoutLeavesNoRoom() {
        PlannedUnit unit = unit("  retryInterval: 200ms\n  timeout: 500ms\n");
        AtomicInteger attempts = new AtomicInteger();

        UnitReport report =
                new RetryingUnitWork(failingTimes(100, "HealthCheckFailed", attempts)).run(unit, context(unit));

        assertThat(report.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(attempts.get()).isBetween(2, 3);
    }
}
