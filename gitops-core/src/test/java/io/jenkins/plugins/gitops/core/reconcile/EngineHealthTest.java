package io.jenkins.plugins.gitops.core.reconcile;

import static io.jenkins.plugins.gitops.core.reconcile.EmulatedFleet.configMap;
import static io.jenkins.plugins.gitops.core.reconcile.EmulatedFleet.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health checks of {@code spec.wait}, {@code healthChecks} and {@code healthCheckExprs}, end to end. */
class EngineHealthTest {

    @TempDir
    Path dir;

    private EmulatedFleet fleet;

    @BeforeEach
    void setUp() {
        EmulatedFleet.assumeKustomize();
        fleet = new EmulatedFleet(dir.resolve("fleet"));
    }

    private static Map<String, UnitReport> byId(ReconcileReport report) {
        return report.units().stream().collect(Collectors.toMap(UnitReport::id, Function.identity()));
    }

    @Test
    void shouldFailAWaitingUnitFastWhenItsDeploymentFailsAndSkipItsDependentsOnly() {
        fleet.unit("db", "  wait: true\n  timeout: 60s\n")
                .objects("db", deployment("db"))
                .unit("app", "  dependsOn:\n    - name: db\n")
                .objects("app", configMap("app"))
                .unit("other", "  wait: true\n")
                .objects("other", configMap("other"));
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);
            emulator.failWorkload("Deployment", "default", "db", "ReplicaSet \"db-1\" has timed out progressing.");

            long start = System.nanoTime();
            ReconcileReport report = fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Map<String, UnitReport> units = byId(report);
            UnitReport db = units.get("flux-system/db");
            assertThat(took).as("a Failed workload ends the wait").isLessThan(Duration.ofSeconds(30));
            assertThat(db.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(db.reason()).isEqualTo("HealthCheckFailed");
            assertThat(db.message())
                    .contains("Deployment/default/db", "Failed", "ReplicaSet \"db-1\" has timed out progressing.");
            assertThat(db.health())
                    .extracting(ObjectHealth::object, ObjectHealth::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployment/default/db", HealthStatus.FAILED));
            UnitReport app = units.get("flux-system/app");
            assertThat(app.status()).isEqualTo(UnitStatus.SKIPPED);
            assertThat(app.reason()).isEqualTo("DependencyNotReady");
            assertThat(app.message()).contains("flux-system/db");
            assertThat(units.get("flux-system/other").status()).isEqualTo(UnitStatus.READY);
            assertThat(report.ready()).isFalse();
            assertThat(emulator.stored("", "configmaps"))
                    .extracting(o -> o.path("metadata").path("name").asText())
                    .contains("other")
                    .doesNotContain("app");
        }
    }

    @Test
    void shouldNameEveryCulpritWithItsStatusAndMessageWhenTheWaitTimesOut() {
        fleet.unit("web", "  wait: true\n  timeout: 2s\n")
                .objects("web", deployment("web"), deployment("api"), configMap("web"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);

            long start = System.nanoTime();
            ReconcileReport report = fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            UnitReport web = byId(report).get("flux-system/web");
            assertThat(web.status()).as("%s%n%s", web.message(), fleet.events).isEqualTo(UnitStatus.FAILED);
            assertThat(web.reason()).isEqualTo("HealthCheckFailed");
            assertThat(web.message())
                    .startsWith("timeout waiting for: ")
                    .containsPattern("Deployment/default/api InProgress: \\S")
                    .containsPattern("Deployment/default/web InProgress: \\S")
                    .doesNotContain("ConfigMap/default/web");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldCheckTheHealthOfAnObjectAnotherUnitApplied() {
        fleet.unit("infra", "")
                .objects("infra", deployment("db"))
                .unit(
                        "app",
                        "  dependsOn:\n    - name: infra\n  healthChecks:\n"
                                + "    - apiVersion: apps/v1\n      kind: Deployment\n      name: db\n      namespace: default\n")
                .objects("app", configMap("app"))
                .unit(
                        "broken",
                        "  dependsOn:\n    - name: infra\n  timeout: 30s\n  healthChecks:\n"
                                + "    - apiVersion: apps/v1\n      kind: Deployment\n      name: cache\n"
                                + "      namespace: default\n")
                .objects("broken", deployment("cache"));
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);
            emulator.failWorkload("Deployment", "default", "cache", "cache cannot start");

            Map<String, UnitReport> units = byId(fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults()));

            UnitReport app = units.get("flux-system/app");
            assertThat(app.status()).as(app.message()).isEqualTo(UnitStatus.READY);
            assertThat(app.health())
                    .extracting(ObjectHealth::object, ObjectHealth::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Deployment/default/db", HealthStatus.CURRENT));
            assertThat(app.inventory()).noneMatch(id -> id.contains("Deployment"));
            UnitReport broken = units.get("flux-system/broken");
            assertThat(broken.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(broken.message()).contains("Deployment/default/cache", "cache cannot start");
        }
    }

    private static final String CRD =
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names:
                kind: Widget
                listKind: WidgetList
                plural: widgets
                singular: widget
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            """;

    private static String widget(String name, String phase) {
        return "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: " + name
                + "\n  namespace: default\nspec:\n  size: 1\nstatus:\n  phase: " + phase + "\n";
    }

    private static final String WIDGET_EXPRS =
            """
              wait: true
              timeout: 30s
              healthCheckExprs:
                - apiVersion: example.com/v1
                  kind: Widget
                  current: "status.phase == 'Ready'"
                  inProgress: "status.phase == 'Pending'"
                  failed: "status.phase == 'Broken'"
            """;

    @Test
    void shouldJudgeACustomResourceByItsCelExpressions() {
        fleet.unit("crds", "")
                .objects("crds", CRD)
                .unit("good", "  dependsOn:\n    - name: crds\n" + WIDGET_EXPRS)
                .objects("good", widget("good", "Ready"))
                .unit("bad", "  dependsOn:\n    - name: crds\n" + WIDGET_EXPRS)
                .objects("bad", widget("bad", "Broken"));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);

            long start = System.nanoTime();
            Map<String, UnitReport> units = byId(fleet.apply(fleet.engine(cluster), ReconcileOptions.defaults()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            UnitReport good = units.get("flux-system/good");
            assertThat(good.status()).as(good.message()).isEqualTo(UnitStatus.READY);
            assertThat(good.health())
                    .extracting(ObjectHealth::object, ObjectHealth::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Widget/default/good", HealthStatus.CURRENT));
            UnitReport bad = units.get("flux-system/bad");
            assertThat(bad.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(bad.reason()).isEqualTo("HealthCheckFailed");
            assertThat(bad.message()).contains("Widget/default/bad Failed");
            assertThat(took).as("failed is decided at once, not at the timeout").isLessThan(Duration.ofSeconds(15));
        }
    }
}
