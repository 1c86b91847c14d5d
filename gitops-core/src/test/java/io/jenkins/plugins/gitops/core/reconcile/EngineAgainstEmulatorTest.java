package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.state.UnitState;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import io.jenkins.plugins.gitops.core.testing.emulator.EmulatedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end against the API emulator: fleets written into a temp folder, rendered,
 * planned and applied through the fabric8 adapter, with the emulator's request log as the witness
 * of what was sent and when.
 */
class EngineAgainstEmulatorTest {

    private static final String FLEET = "test";
    private static final String CRD_STORES = "clustersecretstores.secrets.example.io";
    private static final String CRD_SECRETS = "externalsecrets.secrets.example.io";
    /** Every request about the custom kinds, discovery of their group included. */
    private static final Pattern CR_PATH = Pattern.compile("^/apis/secrets\\.example\\.io(/.*)?$");

    @TempDir
    Path work;

    private Path fleet;

    @BeforeEach
    void needsKustomize() {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
        fleet = work.resolve("fleet");
    }

    // ---- 1. the CRD race

    @Test
    void shouldApplyCustomResourcesOfOneUnitOnlyAfterTheirCrdIsEstablished() throws Exception {
        write("clusters/test/units.yaml", unit("secrets", "", "wait: true"));
        write("apps/secrets/crds.yaml", CRDS);
        write("apps/secrets/stores.yaml", STORES);
        try (ApiEmulator emulator = new ApiEmulator().establishCrdsManually().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            EstablishLater establisher = new EstablishLater(emulator, Duration.ofMillis(400));
            establisher.go();

            ReconcileReport report = apply(cluster, ReconcileOptions.defaults());

            assertThat(unit(report, "secrets").status())
                    .as(unit(report, "secrets").message())
                    .isEqualTo(UnitStatus.READY);
            List<EmulatedRequest> log = emulator.requests();
            int mark = establisher.mark();
            assertThat(firstIndex(log, EngineAgainstEmulatorTest::touchesCustomKinds))
                    .as("first request about the custom kinds, establishment at request %d", mark)
                    .isGreaterThanOrEqualTo(mark);
            assertThat(IntStream.range(0, mark).mapToObj(log::get))
                    .as("the engine polled the CRDs while they were not established")
                    .anyMatch(r -> r.method().equals("GET") && r.path().endsWith("/" + CRD_STORES));
            assertThat(unit(report, "secrets").changes())
                    .extracting(Change::object)
                    .contains("ClusterSecretStore/demo-store", "ExternalSecret/demo/database");
        }
    }

    @Test
    void shouldApplyTheCustomResourcesUnitOnlyWhenCrdsAndOperatorUnitsAreReady() {
        write(
                "clusters/test/units.yaml",
                unit("secrets-crds", "", "wait: true")
                        + "---\n"
                        + unit("secrets-operator", "secrets-crds", "wait: true")
                        + "---\n"
                        + unit("secrets-stores", "secrets-operator", "wait: true"));
        write("apps/secrets-crds/crds.yaml", CRDS);
        write("apps/secrets-operator/operator.yaml", OPERATOR);
        write("apps/secrets-stores/stores.yaml", STORES);
        try (ApiEmulator emulator = new ApiEmulator()
                        .establishDelay(Duration.ofMillis(300))
                        .readyWorkloads()
                        .delayWorkloads(Duration.ofMillis(300))
                        .start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            ReconcileReport report = apply(cluster, ReconcileOptions.defaults());

            assertThat(report.units()).allSatisfy(u -> assertThat(u.status())
                    .as(u.id() + " " + u.message())
                    .isEqualTo(UnitStatus.READY));
            assertThat(unit(report, "secrets-operator").health())
                    .anySatisfy(h -> assertThat(h.object()).contains("Deployment/secrets-system/secrets-operator"));
            List<EmulatedRequest> log = emulator.requests();
            int firstCustom = firstIndex(log, EngineAgainstEmulatorTest::touchesCustomKinds);
            int lastOperator = lastIndex(
                    log,
                    r -> r.path().contains("secrets-system")
                            || r.path().contains("secrets-operator")
                            || r.path().contains("/customresourcedefinitions"));
            int lastDeploymentWait =
                    lastIndex(log, r -> r.method().equals("GET") && r.path().endsWith("/deployments/secrets-operator"));
            assertThat(firstCustom).isPositive();
            assertThat(lastDeploymentWait)
                    .as("the operator unit waited for its Deployment")
                    .isPositive();
            assertThat(firstCustom)
                    .as("first request about the custom kinds comes after every request of the CRDs and operator units")
                    .isGreaterThan(lastOperator)
                    .isGreaterThan(lastDeploymentWait);
        }
    }

    @Test
    void shouldFailOnlyTheCustomResourcesUnitWithCrdNotEstablishedWhenUnitsAreNotOrdered() throws Exception {
        write(
                "clusters/test/units.yaml",
                unit("secrets-crds", "", "wait: true")
                        + "---\n"
                        + unit("secrets-operator", "", "wait: true")
                        + "---\n"
                        + unit("secrets-stores", "", "wait: true"));
        write("apps/secrets-crds/crds.yaml", CRDS);
        write("apps/secrets-operator/operator.yaml", OPERATOR);
        write("apps/secrets-stores/stores.yaml", STORES);
        try (ApiEmulator emulator = new ApiEmulator()
                        .establishCrdsManually()
                        .readyWorkloads()
                        .start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            // The race, made certain: the CRDs become Established only once the stores unit has failed.
            CountDownLatch storesDone = new CountDownLatch(1);
            EstablishLater establisher = new EstablishLater(emulator, Duration.ZERO).after(storesDone);
            establisher.go();
            ProgressListener listener = e -> {
                if ("flux-system/secrets-stores".equals(e.unit()) && "Warning".equals(e.severity())) {
                    storesDone.countDown();
                }
            };

            ReconcileReport report = apply(cluster, ReconcileOptions.defaults(), listener);

            assertThat(report.units().stream().map(UnitReport::id))
                    .contains("flux-system/secrets-crds", "flux-system/secrets-operator", "flux-system/secrets-stores");
            UnitReport stores = unit(report, "secrets-stores");
            assertThat(stores.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(stores.message())
                    .contains("ClusterSecretStore/demo-store")
                    .contains("CRD not established");
            assertThat(stores.inventory())
                    .as("what the stores unit did apply is kept")
                    .containsExactly("_demo__Namespace");
            for (String name : List.of("secrets-crds", "secrets-operator")) {
                assertThat(unit(report, name).status())
                        .as(name + ": " + unit(report, name).message())
                        .isEqualTo(UnitStatus.READY);
            }
            Map<String, UnitState> saved = saved();
            assertThat(ids(saved.get("flux-system/secrets-crds")))
                    .containsExactlyInAnyOrder(
                            "_" + CRD_STORES + "_apiextensions.k8s.io_CustomResourceDefinition",
                            "_" + CRD_SECRETS + "_apiextensions.k8s.io_CustomResourceDefinition");
            assertThat(ids(saved.get("flux-system/secrets-operator")))
                    .contains(
                            "_secrets-system__Namespace",
                            "secrets-system_secrets-operator_apps_Deployment",
                            "secrets-system_secrets-operator__ServiceAccount");
            assertThat(ids(saved.get("flux-system/secrets-stores"))).containsExactly("_demo__Namespace");
            assertThat(emulator.stored("apps", "deployments")).hasSize(1);
        }
    }

    // ---- helpers

    private static boolean touchesCustomKinds(EmulatedRequest r) {
        return CR_PATH.matcher(r.path()).matches();
    }

    private static int firstIndex(List<EmulatedRequest> log, Predicate<EmulatedRequest> p) {
        return IntStream.range(0, log.size())
                .filter(i -> p.test(log.get(i)))
                .findFirst()
                .orElse(-1);
    }

    private static int lastIndex(List<EmulatedRequest> log, Predicate<EmulatedRequest> p) {
        return IntStream.range(0, log.size())
                .filter(i -> p.test(log.get(i)))
                .max()
                .orElse(-1);
    }

    private static List<String> ids(UnitState state) {
        assertThat(state).isNotNull();
        return state.inventory().stream().map(InventoryEntry::id).toList();
    }

    private Map<String, UnitState> saved() {
        return new JsonFileStateStore(work.resolve("state.json")).load(FLEET).units();
    }

    /** Establishes both CRDs once they are stored, a while after, and notes where the log was then. */
    private static final class EstablishLater {
        private final ApiEmulator emulator;
        private final Duration after;
        private CountDownLatch gate = new CountDownLatch(0);
        private volatile int mark = -1;
        private final CountDownLatch done = new CountDownLatch(1);

        EstablishLater(ApiEmulator emulator, Duration after) {
            this.emulator = emulator;
            this.after = after;
        }

        EstablishLater after(CountDownLatch value) {
            this.gate = value;
            return this;
        }

        void go() {
            Thread thread = new Thread(
                    () -> {
                        try {
                            if (!gate.await(60, TimeUnit.SECONDS)) {
                                return;
                            }
                            while (emulator.stored("apiextensions.k8s.io", "customresourcedefinitions")
                                            .size()
                                    < 2) {
                                Thread.sleep(20);
                            }
                            Thread.sleep(after.toMillis());
                            mark = emulator.requests().size();
                            emulator.establish(CRD_STORES);
                            emulator.establish(CRD_SECRETS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    },
                    "establish-later");
            thread.setDaemon(true);
            thread.start();
        }

        int mark() throws InterruptedException {
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(mark).as("the CRDs were established").isNotNegative();
            return mark;
        }
    }

    private Fabric8ClusterClient cluster(ApiEmulator emulator) {
        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(emulator.config()).build();
        // No real pauses between retries: faults are injected on purpose and tests must stay fast.
        return new Fabric8ClusterClient(client, RetryPolicy.defaults().withSleeper(d -> {}));
    }

    private ReconcileReport apply(Fabric8ClusterClient cluster, ReconcileOptions options) {
        return apply(cluster, options, ProgressListener.NONE);
    }

    private ReconcileReport apply(Fabric8ClusterClient cluster, ReconcileOptions options, ProgressListener listener) {
        ReconcileEngine engine = GitOps.engine(
                work.resolve("cache"),
                work.resolve("run"),
                null,
                cluster,
                new JsonFileStateStore(work.resolve("state.json")));
        return engine.apply(FleetRequest.of(fleet.toString(), "clusters/test"), FLEET, options, listener);
    }

    private static UnitReport unit(ReconcileReport report, String name) {
        return report.units().stream()
                .filter(u -> u.id().equals("flux-system/" + name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + name + " in " + report.units()));
    }

    private void write(String path, String content) {
        Path file = fleet.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String path) {
        try {
            Files.delete(fleet.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Flux Kustomization reading {@code ./apps/<name>}, optionally depending on another unit. */
    private static String unit(String name, String dependsOn, String extraSpec) {
        return """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: %s
                  namespace: flux-system
                spec:
                  interval: 1h
                  timeout: 30s
                  sourceRef:
                    kind: GitRepository
                    name: flux-system
                  path: ./apps/%s
                  prune: true
                %s%s
                """
                .formatted(
                        name,
                        name,
                        dependsOn.isEmpty() ? "" : "  dependsOn:\n    - name: " + dependsOn + "\n",
                        extraSpec.isEmpty() ? "" : "  " + extraSpec.replace("\n", "\n  "));
    }

    private static final String CRDS =
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: clustersecretstores.secrets.example.io
            spec:
              group: secrets.example.io
              scope: Cluster
              names:
                kind: ClusterSecretStore
                listKind: ClusterSecretStoreList
                plural: clustersecretstores
                singular: clustersecretstore
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: externalsecrets.secrets.example.io
            spec:
              group: secrets.example.io
              scope: Namespaced
              names:
                kind: ExternalSecret
                listKind: ExternalSecretList
                plural: externalsecrets
                singular: externalsecret
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            """;

    private static final String OPERATOR =
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: secrets-system
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: secrets-operator
              namespace: secrets-system
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: secrets-operator
              namespace: secrets-system
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: secrets-operator
              template:
                metadata:
                  labels:
                    app: secrets-operator
                spec:
                  serviceAccountName: secrets-operator
                  containers:
                    - name: manager
                      image: ghcr.io/example/secrets-operator:1.4.0
            """;

    private static final String STORES =
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: demo
            ---
            apiVersion: secrets.example.io/v1
            kind: ClusterSecretStore
            metadata:
              name: demo-store
            spec:
              provider:
                fake:
                  data:
                    - key: demo/database
                      value: '{"username":"demo"}'
            ---
            apiVersion: secrets.example.io/v1
            kind: ExternalSecret
            metadata:
              name: database
              namespace: demo
            spec:
              secretStoreRef:
                kind: ClusterSecretStore
                name: demo-store
              target:
                name: database-credentials
              data:
                - secretKey: username
                  remoteRef:
                    key: demo/database
                    property: username
            """;
}
