package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.apply.Action;
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

    // ---- 2. idempotence

    @Test
    void shouldSendNoWriteWhenAnUnchangedFleetIsAppliedAgain() {
        write("clusters/test/units.yaml", unit("secrets", "", "wait: true") + "---\n" + unit("apps", "", "wait: true"));
        write("apps/secrets/crds.yaml", CRDS);
        write("apps/secrets/stores.yaml", STORES);
        write("apps/apps/app.yaml", APP);
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            ReconcileReport first = apply(cluster, ReconcileOptions.defaults());
            assertThat(first.ready()).as(first.units().toString()).isTrue();
            int objects =
                    first.units().stream().mapToInt(u -> u.inventory().size()).sum();
            int firstRequests = emulator.requests().size();
            emulator.clearLog();

            ReconcileReport second = apply(cluster, ReconcileOptions.defaults());

            assertThat(second.ready()).as(second.units().toString()).isTrue();
            assertThat(emulator.writes()).as("writes of the second apply").isEmpty();
            List<Change> changes =
                    second.units().stream().flatMap(u -> u.changes().stream()).toList();
            assertThat(changes)
                    .hasSize(objects)
                    .allSatisfy(c -> assertThat(c.action()).as(c.toString()).isEqualTo(Action.UNCHANGED));
            int secondRequests = emulator.requests().size();
            System.out.printf(
                    "API requests per applied object (%d objects): first apply %d (%.1f per object),"
                            + " unchanged re-apply %d (%.1f per object, 0 writes)%n",
                    objects,
                    firstRequests,
                    (double) firstRequests / objects,
                    secondRequests,
                    (double) secondRequests / objects);
        }
    }

    // ---- 3. prune

    @Test
    void shouldPruneWhatLeftGitButNotProtectedForeignOrUndeletableObjects() {
        write("clusters/test/units.yaml", unit("apps", "", ""));
        write("apps/apps/namespace.yaml", namespace("apps"));
        for (String name : List.of("keep", "gone", "protected", "foreign", "failing")) {
            write("apps/apps/" + name + ".yaml", configMap(name, "v: \"1\"", name.equals("protected")));
        }
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            assertThat(unit(apply(cluster, ReconcileOptions.defaults()), "apps").status())
                    .isEqualTo(UnitStatus.READY);
            // Someone hands "foreign" over to another unit.
            emulator.client()
                    .configMaps()
                    .inNamespace("apps")
                    .withName("foreign")
                    .edit(cm -> {
                        cm.getMetadata().getLabels().put("gitops.jenkins.io/name", "other");
                        return cm;
                    });
            for (String name : List.of("gone", "protected", "foreign", "failing")) {
                delete("apps/apps/" + name + ".yaml");
            }
            emulator.failAlways(
                    EmulatedRequest.matching("DELETE", ".*/namespaces/apps/configmaps/failing"),
                    500,
                    "etcdserver: request timed out");

            UnitReport second = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(configMaps(emulator)).containsExactlyInAnyOrder("keep", "protected", "foreign", "failing");
            assertThat(second.changes())
                    .extracting(Change::object, Change::action)
                    .contains(
                            tuple("ConfigMap/apps/gone", Action.DELETED),
                            tuple("ConfigMap/apps/protected", Action.SKIPPED),
                            tuple("ConfigMap/apps/foreign", Action.SKIPPED));
            assertThat(second.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(second.message()).contains("ConfigMap/apps/failing");
            assertThat(ids(saved().get("flux-system/apps")))
                    .as("the object whose delete failed stays in the inventory, nothing else stale does")
                    .containsExactlyInAnyOrder("_apps__Namespace", "apps_keep__ConfigMap", "apps_failing__ConfigMap");

            emulator.clearFaults();
            UnitReport third = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(third.status()).as(third.message()).isEqualTo(UnitStatus.READY);
            assertThat(third.changes())
                    .extracting(Change::object, Change::action)
                    .contains(tuple("ConfigMap/apps/failing", Action.DELETED));
            assertThat(configMaps(emulator)).containsExactlyInAnyOrder("keep", "protected", "foreign");
            assertThat(ids(saved().get("flux-system/apps")))
                    .containsExactlyInAnyOrder("_apps__Namespace", "apps_keep__ConfigMap");
        }
    }

    @Test
    void shouldDeleteNothingWhenPruneIsFalse() {
        write("clusters/test/units.yaml", unit("apps", "", "").replace("prune: true", "prune: false"));
        write("apps/apps/namespace.yaml", namespace("apps"));
        write("apps/apps/keep.yaml", configMap("keep", "v: \"1\"", false));
        write("apps/apps/gone.yaml", configMap("gone", "v: \"1\"", false));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            assertThat(unit(apply(cluster, ReconcileOptions.defaults()), "apps").status())
                    .isEqualTo(UnitStatus.READY);
            delete("apps/apps/gone.yaml");
            emulator.clearLog();

            UnitReport second = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(second.status()).as(second.message()).isEqualTo(UnitStatus.READY);
            assertThat(emulator.requests()).noneMatch(r -> r.method().equals("DELETE"));
            assertThat(configMaps(emulator)).containsExactlyInAnyOrder("keep", "gone");
            assertThat(second.changes()).noneMatch(c -> c.action() == Action.DELETED);
        }
    }

    @Test
    void shouldKeepStaleObjectsInTheInventoryWhenTheApplyFailsAndPruneThemOnTheNextRun() {
        write("clusters/test/units.yaml", unit("apps", "", ""));
        write("apps/apps/namespace.yaml", namespace("apps"));
        write("apps/apps/settings.yaml", configMap("settings", "v: \"1\"", false));
        write("apps/apps/gone.yaml", configMap("gone", "v: \"1\"", false));
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            assertThat(unit(apply(cluster, ReconcileOptions.defaults()), "apps").status())
                    .isEqualTo(UnitStatus.READY);
            // One commit removes "gone" and changes "settings", which the server refuses.
            delete("apps/apps/gone.yaml");
            write("apps/apps/settings.yaml", configMap("settings", "v: \"2\"", false));
            emulator.failAlways(
                    EmulatedRequest.matching("PATCH", ".*/namespaces/apps/configmaps/settings"),
                    422,
                    "ConfigMap \"settings\" is invalid: data.v: Invalid value: \"2\": not allowed");

            UnitReport failed = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(failed.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(configMaps(emulator)).as("no prune after a failed apply").contains("gone");
            assertThat(ids(saved().get("flux-system/apps")))
                    .as("a stale object not pruned yet stays in the inventory")
                    .contains("apps_gone__ConfigMap", "apps_settings__ConfigMap");

            emulator.clearFaults();
            UnitReport next = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(next.status()).as(next.message()).isEqualTo(UnitStatus.READY);
            assertThat(configMaps(emulator)).containsExactly("settings");
            assertThat(ids(saved().get("flux-system/apps")))
                    .containsExactlyInAnyOrder("_apps__Namespace", "apps_settings__ConfigMap");
        }
    }

    // ---- 4. force

    @Test
    void shouldFailOnAnImmutableFieldUntilForceRecreatesTheObject() {
        write("clusters/test/units.yaml", unit("apps", "", ""));
        write("apps/apps/namespace.yaml", namespace("apps"));
        write("apps/apps/settings.yaml", configMap("settings", "v: \"1\"", false) + "immutable: true\n");
        try (ApiEmulator emulator = new ApiEmulator().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            assertThat(unit(apply(cluster, ReconcileOptions.defaults()), "apps").status())
                    .isEqualTo(UnitStatus.READY);
            String uid = emulator.client()
                    .configMaps()
                    .inNamespace("apps")
                    .withName("settings")
                    .get()
                    .getMetadata()
                    .getUid();
            write("apps/apps/settings.yaml", configMap("settings", "v: \"2\"", false) + "immutable: true\n");
            // As a real server: changing an immutable ConfigMap fails while it exists; a new one may be created.
            emulator.failAlways(
                    r -> r.method().equals("PATCH")
                            && r.path().endsWith("/namespaces/apps/configmaps/settings")
                            && configMaps(emulator).contains("settings"),
                    422,
                    "ConfigMap \"settings\" is invalid: data: Forbidden: field is immutable when `immutable` is set");

            UnitReport refused = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(refused.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(refused.message())
                    .contains("ConfigMap/apps/settings")
                    .contains("field is immutable")
                    .contains("force: true");
            assertThat(emulator.client()
                            .configMaps()
                            .inNamespace("apps")
                            .withName("settings")
                            .get()
                            .getData())
                    .containsEntry("v", "1");

            write("clusters/test/units.yaml", unit("apps", "", "force: true"));
            UnitReport forced = unit(apply(cluster, ReconcileOptions.defaults()), "apps");

            assertThat(forced.status()).as(forced.message()).isEqualTo(UnitStatus.READY);
            assertThat(forced.changes())
                    .filteredOn(c -> c.object().equals("ConfigMap/apps/settings"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.message()).contains("recreated"));
            var live = emulator.client()
                    .configMaps()
                    .inNamespace("apps")
                    .withName("settings")
                    .get();
            assertThat(live.getData()).containsEntry("v", "2");
            assertThat(live.getMetadata().getUid()).as("a new object").isNotEqualTo(uid);
        }
    }

    // ---- 5. dry run

    @Test
    void shouldReportCreatedAndConfiguredWithoutWritingOnDryRun() {
        write("clusters/test/units.yaml", unit("apps", "", "wait: true"));
        write("apps/apps/namespace.yaml", namespace("apps"));
        write("apps/apps/settings.yaml", configMap("settings", "v: \"1\"", false));
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = cluster(emulator)) {
            assertThat(unit(apply(cluster, ReconcileOptions.defaults()), "apps").status())
                    .isEqualTo(UnitStatus.READY);
            Map<String, UnitState> before = saved();
            write("apps/apps/settings.yaml", configMap("settings", "v: \"2\"", false));
            write("apps/apps/app.yaml", APP.replaceFirst("(?s)^.*?---\n", ""));
            emulator.clearLog();

            UnitReport dry = unit(apply(cluster, ReconcileOptions.defaults().withDryRun(true)), "apps");

            assertThat(dry.status()).as(dry.message()).isEqualTo(UnitStatus.READY);
            assertThat(dry.changes())
                    .extracting(Change::object, Change::action)
                    .contains(
                            tuple("ConfigMap/apps/settings", Action.CONFIGURED),
                            tuple("Deployment/apps/web", Action.CREATED),
                            tuple("Namespace/apps", Action.UNCHANGED));
            assertThat(emulator.writes()).as("writes of the dry run").isEmpty();
            assertThat(emulator.requests()).anyMatch(EmulatedRequest::dryRun);
            assertThat(emulator.stored("apps", "deployments")).isEmpty();
            assertThat(saved()).as("a dry run saves no state").isEqualTo(before);
        }
    }

    // ---- helpers

    private static List<String> configMaps(ApiEmulator emulator) {
        return emulator.stored("", "configmaps").stream()
                .filter(o -> o.path("metadata").path("namespace").asText().equals("apps"))
                .map(o -> o.path("metadata").path("name").asText())
                .toList();
    }

    private static String namespace(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
    }

    /** A ConfigMap in namespace {@code apps}; {@code data} is one YAML line. */
    private static String configMap(String name, String data, boolean pruneDisabled) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: apps\n"
                + (pruneDisabled ? "  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n" : "")
                + "data:\n  " + data + "\n";
    }

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

    private static final String APP =
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: apps
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apps
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  serviceAccountName: web
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports:
                        - name: http
                          containerPort: 80
                      env:
                        - name: MODE
                          value: demo
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web
              namespace: apps
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: apps
            spec:
              selector:
                app: web
              ports:
                - name: http
                  port: 80
                  targetPort: http
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-settings
              namespace: apps
            data:
              greeting: hello
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: web-token
              namespace: apps
            type: Opaque
            data:
              token: c2VjcmV0
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: web-reader
            rules:
              - apiGroups: [""]
                resources: ["configmaps"]
                verbs: ["get"]
            """;

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
