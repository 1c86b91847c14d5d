package io.jenkins.plugins.gitops.core.health;

import static io.jenkins.plugins.gitops.core.health.FakeClusterClient.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthWaiterTest {

    private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "apps", "web");
    private static final ResourceRef MIGRATE = new ResourceRef("batch/v1", "Job", "apps", "migrate");
    private static final ResourceRef SETTINGS = new ResourceRef("v1", "ConfigMap", "apps", "settings");

    private final FakeClusterClient cluster = new FakeClusterClient();
    private final ManualClock clock = new ManualClock(Fixtures.NOW);
    private final HealthWaiter waiter = new HealthWaiter(cluster, HealthChecks.kstatus(), clock, clock::sleep);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void shouldEndAsSoonAsEverythingIsCurrent() {
        cluster.script(WEB, "deployment-progressing.yaml", "deployment-progressing.yaml", "deployment-available.yaml")
                .script(MIGRATE, "job-running.yaml", "job-complete.yaml");

        HealthReport report = waiter.waitFor(List.of(WEB, MIGRATE), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.CURRENT);
        assertThat(report.summary()).isEqualTo("all 2 objects are Current");
        assertThat(report.objects())
                .containsExactly(
                        new ObjectHealth("Deployment/apps/web", HealthStatus.CURRENT, "3 replicas available"),
                        new ObjectHealth("Job/apps/migrate", HealthStatus.CURRENT, "completed: 1 of 1 succeeded"));
        assertThat(clock.sleeps).containsExactly(ms(250), ms(500));
    }

    @Test
    void shouldEndAtOnceWhenAnObjectFails() {
        cluster.script(WEB, "deployment-progressing.yaml").script(MIGRATE, "job-running.yaml", "job-failed.yaml");

        HealthReport report = waiter.waitFor(List.of(WEB, MIGRATE), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.FAILED);
        assertThat(report.summary())
                .isEqualTo("health check failed: Job/apps/migrate Failed: "
                        + "job failed after 7 failed pods: Job has reached the specified backoff limit");
        assertThat(report.notCurrent()).hasSize(2);
        assertThat(cluster.reads(MIGRATE)).isEqualTo(2);
        assertThat(clock.sleeps).containsExactly(ms(250));
    }

    @Test
    void shouldListEveryObjectNotCurrentOnTimeout() {
        cluster.script(WEB, "deployment-progressing.yaml")
                .script(MIGRATE, "job-running.yaml")
                .script(SETTINGS, "configmap.yaml");

        HealthReport report = waiter.waitFor(
                List.of(WEB, SETTINGS, MIGRATE), WaitOptions.defaults().withTimeout(Duration.ofSeconds(3)));

        assertThat(report.status()).isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(report.summary())
                .isEqualTo("timeout waiting for: Deployment/apps/web InProgress: 1 of 3 replicas updated; "
                        + "Job/apps/migrate InProgress: job is running");
        assertThat(report.objects())
                .extracting(ObjectHealth::status)
                .containsExactly(HealthStatus.IN_PROGRESS, HealthStatus.CURRENT, HealthStatus.IN_PROGRESS);
        assertThat(clock.sleeps).containsExactly(ms(250), ms(500), ms(1000), ms(1250));
    }

    @Test
    void shouldDoubleTheBackoffUpToItsMaximum() {
        cluster.script(MIGRATE, "job-running.yaml");

        waiter.waitFor(List.of(MIGRATE), WaitOptions.defaults().withTimeout(Duration.ofSeconds(30)));

        assertThat(clock.sleeps)
                .containsExactly(
                        ms(250), ms(500), ms(1000), ms(2000), ms(4000), ms(5000), ms(5000), ms(5000), ms(5000),
                        ms(2250));
    }

    @Test
    void shouldHonourAConfiguredBackoff() {
        cluster.script(MIGRATE, "job-running.yaml");

        waiter.waitFor(
                List.of(MIGRATE),
                WaitOptions.defaults().withTimeout(Duration.ofSeconds(4)).withBackoff(ms(1000), ms(1500)));

        assertThat(clock.sleeps).containsExactly(ms(1000), ms(1500), ms(1500));
    }

    @Test
    void shouldWaitForObjectsThatDoNotExistYet() {
        cluster.script(SETTINGS, ABSENT, ABSENT, "configmap.yaml");

        HealthReport report = waiter.waitFor(List.of(SETTINGS), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.CURRENT);
        assertThat(cluster.reads(SETTINGS)).isEqualTo(3);
    }

    @Test
    void shouldReportObjectsStillMissingAtTheTimeout() {
        HealthReport report =
                waiter.waitFor(List.of(SETTINGS), WaitOptions.defaults().withTimeout(ms(500)));

        assertThat(report.summary()).isEqualTo("timeout waiting for: ConfigMap/apps/settings NotFound: not found");
    }

    @Test
    void shouldPollOnceWithAZeroTimeout() {
        cluster.script(SETTINGS, "configmap.yaml").script(MIGRATE, "job-running.yaml");

        HealthReport current =
                waiter.waitFor(List.of(SETTINGS), WaitOptions.defaults().withTimeout(Duration.ZERO));
        HealthReport running =
                waiter.waitFor(List.of(MIGRATE), WaitOptions.defaults().withTimeout(Duration.ZERO));

        assertThat(current.status()).isEqualTo(HealthStatus.CURRENT);
        assertThat(running.status()).isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void shouldKeepWaitingThroughErrorsAndReportThem() {
        cluster.script(WEB, FakeClusterClient.error(Reason.FORBIDDEN, "Deployment/apps/web get failed (Forbidden)"));

        HealthReport report =
                waiter.waitFor(List.of(WEB), WaitOptions.defaults().withTimeout(Duration.ofSeconds(1)));

        assertThat(report.summary())
                .isEqualTo(
                        "timeout waiting for: Deployment/apps/web Unknown: Deployment/apps/web get failed (Forbidden)");
        assertThat(cluster.reads(WEB)).isGreaterThan(1);
    }

    @Test
    void shouldStopAndKeepTheFlagWhenInterruptedWhileSleeping() {
        cluster.script(WEB, "deployment-progressing.yaml").script(SETTINGS, "configmap.yaml");
        HealthWaiter interrupted = new HealthWaiter(cluster, HealthChecks.kstatus(), clock, d -> {
            throw new InterruptedException();
        });

        HealthReport report = interrupted.waitFor(List.of(WEB, SETTINGS), WaitOptions.defaults());

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.summary())
                .isEqualTo("interrupted while waiting for: Deployment/apps/web InProgress: 1 of 3 replicas updated");
        assertThat(report.objects())
                .extracting(ObjectHealth::status)
                .containsExactly(HealthStatus.IN_PROGRESS, HealthStatus.CURRENT);
    }

    @Test
    void shouldStopWhenTheClusterCallIsInterruptedKeepingWhatItLearnt() {
        cluster.script(WEB, "deployment-progressing.yaml")
                .script(MIGRATE, FakeClusterClient.error(Reason.INTERRUPTED, "interrupted"));

        HealthReport report = waiter.waitFor(List.of(WEB, MIGRATE), WaitOptions.defaults());

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(report.objects())
                .containsExactly(
                        new ObjectHealth("Deployment/apps/web", HealthStatus.IN_PROGRESS, "1 of 3 replicas updated"),
                        new ObjectHealth("Job/apps/migrate", HealthStatus.UNKNOWN, "not checked yet"));
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void shouldNotStartWhenAlreadyInterrupted() {
        cluster.script(SETTINGS, "configmap.yaml");
        Thread.currentThread().interrupt();

        HealthReport report = waiter.waitFor(List.of(SETTINGS), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(cluster.reads(SETTINGS)).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void shouldUseHealthCheckExpressionsForTheirKinds() {
        cluster.script(MIGRATE, "job-running.yaml");
        HealthChecks checks = HealthChecks.withExpressions(
                List.of(CelHealthCheck.compile("batch/v1", "Job", "has(status.startTime)", null, null)));

        HealthReport report = new HealthWaiter(cluster, checks, clock, clock::sleep)
                .waitFor(List.of(MIGRATE), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.CURRENT);
    }

    @Test
    void shouldHaveNothingToWaitForWithoutObjects() {
        HealthReport report = waiter.waitFor(List.of(), WaitOptions.defaults());

        assertThat(report.status()).isEqualTo(HealthStatus.CURRENT);
        assertThat(report.summary()).isEqualTo("nothing to wait for");
    }
}
