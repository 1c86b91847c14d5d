package io.jenkins.plugins.gitops.core.reconcile;

import static io.jenkins.plugins.gitops.core.plan.FakeFleet.configMap;
import static io.jenkins.plugins.gitops.core.plan.FakeFleet.ks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.FakeFleet;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.UnitState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

    @TempDir
    Path scratch;

    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    private Plan layers() {
        return new FakeFleet()
                .path(
                        "clusters/prod",
                        ks("crds", "./crds")
                                + ks("operator", "./operator", "crds")
                                + ks("stores", "./stores", "operator")
                                + ks("web", "./web"))
                .path("crds", configMap("c"))
                .path("operator", configMap("o"))
                .path("stores", configMap("s"))
                .path("web", configMap("w"))
                .plan(scratch, "clusters/prod");
    }

    private UnitWork failing(String... ids) {
        Set<String> failures = Set.of(ids);
        return (unit, context) -> {
            started.add(unit.id());
            return new UnitReport(
                    unit.id(),
                    "Kustomization",
                    failures.contains(unit.id()) ? UnitStatus.FAILED : UnitStatus.READY,
                    failures.contains(unit.id()) ? "HealthCheckFailed" : "ReconciliationSucceeded",
                    "",
                    unit.loaded().revision(),
                    List.of(),
                    List.of(),
                    List.of(),
                    1);
        };
    }

    private static ReconcileReport run(Reconciler reconciler, Plan plan, FleetState state, ReconcileOptions options) {
        return reconciler.run(plan, state, options, new SecretRedactor(), ProgressListener.NONE);
    }

    @Test
    void shouldRunUnitsInWaveOrder() {
        ReconcileReport report = run(
                new Reconciler(failing(), (u, s) -> true),
                layers(),
                FleetState.EMPTY,
                ReconcileOptions.defaults().withParallelism(1));

        assertThat(report.ready()).isTrue();
        assertThat(started)
                .containsExactly(
                        "flux-system/flux-system",
                        "flux-system/crds",
                        "flux-system/web",
                        "flux-system/operator",
                        "flux-system/stores");
        assertThat(report.units()).extracting(UnitReport::status).containsOnly(UnitStatus.READY);
    }

    @Test
    void shouldSkipDependentsWhenDependencyFailsWhileIndependentUnitsGoOn() {
        ReconcileReport report = run(
                new Reconciler(failing("flux-system/crds"), (u, s) -> true),
                layers(),
                FleetState.EMPTY,
                ReconcileOptions.defaults());

        assertThat(report.ready()).isFalse();
        assertThat(started)
                .doesNotContain("flux-system/operator", "flux-system/stores")
                .contains("flux-system/web");
        UnitReport operator = report.units().stream()
                .filter(u -> u.id().equals("flux-system/operator"))
                .findFirst()
                .orElseThrow();
        assertThat(operator.status()).isEqualTo(UnitStatus.SKIPPED);
        assertThat(operator.reason()).isEqualTo("DependencyNotReady");
        assertThat(operator.message()).contains("flux-system/crds").contains("Failed");
        UnitReport stores = report.units().stream()
                .filter(u -> u.id().equals("flux-system/stores"))
                .findFirst()
                .orElseThrow();
        assertThat(stores.message()).contains("flux-system/operator").contains("Skipped");
        assertThat(report.events()).anySatisfy(e -> {
            assertThat(e.unit()).isEqualTo("flux-system/operator");
            assertThat(e.reason()).isEqualTo("DependencyNotReady");
        });
    }

    @Test
    void shouldSkipSuspendedUnitsWithAReason() {
        Plan plan = new FakeFleet()
                .path(
                        "clusters/prod",
                        ks("paused", "./paused").replace("  prune: true\n", "  prune: true\n  suspend: true\n"))
                .path("paused", configMap("p"))
                .plan(scratch, "clusters/prod");

        ReconcileReport report =
                run(new Reconciler(failing(), (u, s) -> true), plan, FleetState.EMPTY, ReconcileOptions.defaults());

        assertThat(started).doesNotContain("flux-system/paused");
        assertThat(report.units())
                .filteredOn(u -> u.id().equals("flux-system/paused"))
                .singleElement()
                .satisfies(u -> assertThat(u.status()).isEqualTo(UnitStatus.SUSPENDED));
        assertThat(report.ready()).isTrue();
    }

    @Test
    void shouldTreatAnUnselectedDependencyAsReadyOnlyAtItsLastReadyRevisionAndWhenStillHealthy() {
        Plan plan = layers();
        String revision =
                plan.unit("flux-system/operator").orElseThrow().loaded().revision();
        AtomicInteger healthChecks = new AtomicInteger();
        Reconciler reconciler = new Reconciler(failing(), (u, s) -> {
            healthChecks.incrementAndGet();
            return true;
        });
        UnitState readyState = new UnitState(List.<InventoryEntry>of(), revision, revision);
        ReconcileOptions onlyStores = ReconcileOptions.defaults().withUnits(Set.of("flux-system/stores"));

        ReconcileReport ready = run(
                reconciler,
                plan,
                new FleetState(Map.of("flux-system/operator", readyState, "flux-system/flux-system", readyState)),
                onlyStores);
        ReconcileReport stale = run(
                reconciler,
                plan,
                new FleetState(Map.of(
                        "flux-system/operator",
                        new UnitState(List.of(), revision, "main@sha1:old"),
                        "flux-system/flux-system",
                        readyState)),
                onlyStores);

        assertThat(ready.units()).singleElement().satisfies(u -> assertThat(u.status())
                .isEqualTo(UnitStatus.READY));
        assertThat(stale.units()).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(UnitStatus.SKIPPED);
            assertThat(u.message()).contains("last Ready at main@sha1:old");
        });
        // operator and the root in the first run; none in the second, which stops at the revision
        assertThat(healthChecks.get()).isEqualTo(2);
    }

    @Test
    void shouldStopPromptlyWhenInterruptedAndReturnWhatWasDone() throws Exception {
        CountDownLatch inSlowUnit = new CountDownLatch(1);
        UnitWork work = (unit, context) -> {
            started.add(unit.id());
            if (unit.id().equals("flux-system/crds")) {
                inSlowUnit.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Reconciler.failed(unit, "Aborted", "interrupted while waiting");
                }
            }
            return failing().run(unit, context);
        };
        AtomicReference<ReconcileReport> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Plan plan = layers();
        Thread runner = new Thread(() -> {
            result.set(run(
                    new Reconciler(work, (u, s) -> true),
                    plan,
                    FleetState.EMPTY,
                    ReconcileOptions.defaults().withParallelism(1)));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        long start = System.nanoTime();
        runner.start();
        assertThat(inSlowUnit.await(10, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(10_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(interruptKept.get()).isTrue();
        ReconcileReport report = result.get();
        assertThat(report.units())
                .extracting(UnitReport::id, UnitReport::status)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("flux-system/flux-system", UnitStatus.READY),
                        org.assertj.core.groups.Tuple.tuple("flux-system/stores", UnitStatus.SKIPPED));
        assertThat(started).doesNotContain("flux-system/operator", "flux-system/stores");
    }

    @Test
    void shouldFailUnitsOnACycleWithoutRunningThem() {
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("a", "./a", "b") + ks("b", "./b", "a"))
                .path("a", configMap("a"))
                .path("b", configMap("b"))
                .plan(scratch, "clusters/prod");

        ReconcileReport report =
                run(new Reconciler(failing(), (u, s) -> true), plan, FleetState.EMPTY, ReconcileOptions.defaults());

        assertThat(started).containsExactly("flux-system/flux-system");
        assertThat(report.units())
                .filteredOn(u -> !u.id().equals("flux-system/flux-system"))
                .allSatisfy(u -> {
                    assertThat(u.status()).isEqualTo(UnitStatus.FAILED);
                    assertThat(u.message()).contains("cycle");
                });
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("flux-system/a -> flux-system/b"));
    }

    @Test
    void shouldRunUnitsOfOneWaveInParallelUpToTheLimit() throws Exception {
        StringBuilder fleet = new StringBuilder();
        FakeFleet fake = new FakeFleet();
        for (int i = 0; i < 6; i++) {
            fleet.append(ks("u" + i, "./u" + i));
            fake.path("u" + i, configMap("c" + i));
        }
        Plan plan = fake.path("clusters/prod", fleet.toString()).plan(scratch, "clusters/prod");
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        UnitWork work = (unit, context) -> {
            int n = now.incrementAndGet();
            most.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return failing().run(unit, context);
        };

        run(
                new Reconciler(work, (u, s) -> true),
                plan,
                FleetState.EMPTY,
                ReconcileOptions.defaults().withParallelism(3));

        assertThat(most.get()).isEqualTo(3);
    }
}
