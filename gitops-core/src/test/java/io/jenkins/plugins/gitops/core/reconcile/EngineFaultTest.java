package io.jenkins.plugins.gitops.core.reconcile;

import static io.jenkins.plugins.gitops.core.reconcile.EmulatedFleet.configMap;
import static io.jenkins.plugins.gitops.core.reconcile.EmulatedFleet.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import io.jenkins.plugins.gitops.core.testing.emulator.EmulatedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine makes of a server that throttles, fails, rejects an object, or of a run that is interrupted. */
class EngineFaultTest {

    private static final String SETTINGS = "/api/v1/namespaces/default/configmaps/settings";

    @TempDir
    Path dir;

    private EmulatedFleet fleet;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        EmulatedFleet.assumeKustomize();
        fleet = new EmulatedFleet(dir.resolve("fleet"));
    }

    /** A client built the way the engine builds its own, so that {@code Retry-After} is read; waits are recorded. */
    private Fabric8ClusterClient cluster(ApiEmulator emulator) {
        return new Fabric8ClusterClient(
                Fabric8ClusterClient.configure(new KubernetesClientBuilder().withConfig(emulator.config()))
                        .build(),
                RetryPolicy.defaults().withSleeper(waits::add));
    }

    private static Predicate<EmulatedRequest> realApplyOf(String path) {
        return r -> r.isApply() && !r.dryRun() && r.path().equals(path);
    }

    private static long count(ApiEmulator emulator, Predicate<EmulatedRequest> which) {
        return emulator.requests().stream().filter(which).count();
    }

    private static Map<String, UnitReport> byId(ReconcileReport report) {
        return report.units().stream().collect(Collectors.toMap(UnitReport::id, Function.identity()));
    }

    @Test
    void shouldRideOutA429StormHonouringRetryAfter() {
        fleet.unit("app", "").objects("app", configMap("settings", "a", "1"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            EmulatedFleet.prepare(emulator);
            emulator.failNext(realApplyOf(SETTINGS), 3, 429, "7");

            ReconcileReport report = fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults());

            assertThat(report.ready()).as("%s", report.units()).isTrue();
            assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(7)));
            assertThat(count(emulator, realApplyOf(SETTINGS))).isEqualTo(4);
            assertThat(emulator.stored("", "configmaps"))
                    .anySatisfy(
                            cm -> assertThat(cm.path("data").path("a").asText()).isEqualTo("1"));
        }
    }

    @Test
    void shouldRideOutA503StormWithBackoff() {
        fleet.unit("app", "").objects("app", configMap("settings", "a", "1"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            EmulatedFleet.prepare(emulator);
            emulator.failNext(realApplyOf(SETTINGS), 4, 503, null);

            ReconcileReport report = fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults());

            assertThat(report.ready()).as("%s", report.units()).isTrue();
            assertThat(waits).hasSize(4);
            assertThat(waits.get(3)).isGreaterThan(waits.get(0));
            assertThat(count(emulator, realApplyOf(SETTINGS))).isEqualTo(5);
        }
    }

    @Test
    void shouldReportAnInvalidObjectOnceWithTheServersMessageAndGoOnWithOtherUnits() {
        String bad = "/api/v1/namespaces/default/configmaps/bad";
        fleet.unit("app", "")
                .objects("app", configMap("bad"), configMap("good"))
                .unit("other", "")
                .objects("other", configMap("other"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            EmulatedFleet.prepare(emulator);
            emulator.failAlways(
                    r -> r.isApply() && r.path().equals(bad),
                    422,
                    "ConfigMap \"bad\" is invalid: data[key]: Invalid value: \"value\": not allowed here");

            Map<String, UnitReport> units = byId(fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults()));

            UnitReport app = units.get("flux-system/app");
            assertThat(app.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(app.reason()).isEqualTo("ReconciliationFailed");
            assertThat(app.message())
                    .contains("ConfigMap/default/bad")
                    .contains("ConfigMap \"bad\" is invalid: data[key]: Invalid value: \"value\": not allowed here");
            assertThat(count(
                            emulator,
                            r -> r.method().equals("PATCH") && r.path().equals(bad)))
                    .as("an invalid object is not retried")
                    .isEqualTo(1);
            assertThat(waits).isEmpty();
            assertThat(fleet.events)
                    .filteredOn(e -> e.message().contains("ConfigMap \"bad\" is invalid"))
                    .hasSize(1);
            assertThat(units.get("flux-system/other").status()).isEqualTo(UnitStatus.READY);
            assertThat(emulator.stored("", "configmaps"))
                    .extracting(o -> o.path("metadata").path("name").asText())
                    .contains("good", "other")
                    .doesNotContain("bad");
        }
    }

    @Test
    void shouldReturnAPartialReportPromptlyWhenInterruptedWhileAUnitWaits() throws Exception {
        fleet.unit("quick", "")
                .objects("quick", configMap("quick"))
                .unit("slow", "  wait: true\n  timeout: 5m\n")
                .objects("slow", deployment("slow"))
                .unit("after", "  dependsOn:\n    - name: slow\n")
                .objects("after", configMap("after"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);
            ReconcileEngine engine = fleet.engine(cluster);
            CountDownLatch waiting = new CountDownLatch(1);
            CountDownLatch quickDone = new CountDownLatch(1);
            AtomicBoolean flagAfterwards = new AtomicBoolean();
            CompletableFuture<ReconcileReport> result = new CompletableFuture<>();
            long[] returnedAt = new long[1];
            Thread caller = new Thread(() -> {
                try {
                    ReconcileReport report = engine.apply(fleet.request(), "test", ReconcileOptions.defaults(), e -> {
                        fleet.events.add(e);
                        if (e.unit().equals("flux-system/slow") && e.message().startsWith("waiting")) {
                            waiting.countDown();
                        }
                        if (e.unit().equals("flux-system/quick") && e.reason().equals("ReconciliationSucceeded")) {
                            quickDone.countDown();
                        }
                    });
                    returnedAt[0] = System.nanoTime();
                    flagAfterwards.set(Thread.currentThread().isInterrupted());
                    result.complete(report);
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            caller.start();
            assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(quickDone.await(60, TimeUnit.SECONDS)).isTrue();

            long interruptedAt = System.nanoTime();
            caller.interrupt();
            ReconcileReport report = result.get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(returnedAt[0] - interruptedAt)).isLessThan(Duration.ofSeconds(5));
            assertThat(flagAfterwards).as("the interrupt flag is set again").isTrue();
            Map<String, UnitReport> units = byId(report);
            assertThat(units.get("flux-system/quick").status()).isEqualTo(UnitStatus.READY);
            // The waiting unit stopped and says what it did before the abort.
            assertThat(units.get("flux-system/slow").status()).isEqualTo(UnitStatus.FAILED);
            assertThat(units.get("flux-system/slow").reason()).isEqualTo("Aborted");
            assertThat(units.get("flux-system/slow").changes())
                    .extracting(c -> c.object() + " " + c.action())
                    .contains("Deployment/default/slow created");
            assertThat(units.get("flux-system/after").status()).isEqualTo(UnitStatus.SKIPPED);
            assertThat(units.get("flux-system/after").reason()).isEqualTo("Aborted");
            assertThat(report.ready()).isFalse();
        }
    }
}
