package io.jenkins.plugins.gitops.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyAllStagedTest {

    static final String CRD =
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
            """;
    static final String WIDGET =
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w1, namespace: apps}
            spec: {size: 3}
            """;
    static final String NAMESPACE =
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: apps}
            """;

    final FakeCluster cluster = new FakeCluster();
    final FakeTicker ticker = new FakeTicker();
    final ResourceManager manager =
            new ResourceManager(cluster, ManagerOptions.defaults().withTicker(ticker));
    final ApplyAllOptions opts = ApplyAllOptions.defaults().withUnit("web", "flux-system");

    static List<Manifest> yaml(String... docs) {
        return Yaml.readManifests(String.join("---\n", docs), "test.yaml");
    }

    static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: apps}
                data: {key: %s}
                """
                .formatted(name, value);
    }

    @Test
    void shouldApplyCrdAndItsCustomResourcesInOneCall() {
        cluster.establishAfterGets("widgets.example.com", 3);

        ChangeSet result = manager.applyAllStaged(yaml(WIDGET, CRD, NAMESPACE), opts);

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly(
                        "CustomResourceDefinition/widgets.example.com created",
                        "Namespace/apps created",
                        "Widget/apps/w1 created");
        assertThat(cluster.refreshes).isEqualTo(1);
    }

    @Test
    void shouldWaitForCrdsWithBackoff() {
        cluster.establishAfterGets("widgets.example.com", 4);

        manager.applyAllStaged(yaml(CRD, WIDGET), opts);

        assertThat(ticker.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void shouldNotApplyLaterStagesWhenCrdIsNotEstablishedInTime() {
        cluster.establishAfterGets("widgets.example.com", 1_000);

        ChangeSet result = manager.applyAllStaged(
                yaml(CRD, WIDGET, configMap("settings", "a")), opts.withWaitTimeout(Duration.ofSeconds(10)));

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly("CustomResourceDefinition/widgets.example.com created");
        assertThat(result.firstFailure().orElseThrow().message())
                .contains("CustomResourceDefinition/widgets.example.com was not established within 10s");
        assertThat(cluster.object("Widget", "apps", "w1")).isEmpty();
        assertThat(cluster.object("ConfigMap", "apps", "settings")).isEmpty();
        assertThat(result.inventory())
                .extracting(InventoryEntry::id)
                .containsExactly("_widgets.example.com_apiextensions.k8s.io_CustomResourceDefinition");
    }

    @Test
    void shouldSayCrdNotEstablishedForKindsNotServedAndApplyTheRestOfTheStage() {
        ChangeSet result = manager.applyAllStaged(yaml(WIDGET, configMap("settings", "a")), opts);

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("Widget/apps/w1");
            assertThat(f.message()).contains("Widget/apps/w1", "is not served", "CRD not established");
        });
        assertThat(result.changes()).extracting(Change::toString).containsExactly("ConfigMap/apps/settings created");
    }

    @Test
    void shouldApplyInStagesAndApplyOrder() {
        String deployment =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: apps}
                spec: {replicas: 1}
                """;
        String storageClass =
                """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: example
                """;

        manager.applyAllStaged(yaml(deployment, configMap("settings", "a"), storageClass, NAMESPACE), opts);

        assertThat(cluster.writes)
                .containsExactly(
                        "apply Namespace/apps",
                        "apply StorageClass/fast",
                        "apply ConfigMap/apps/settings",
                        "apply Deployment/apps/web");
    }

    @Test
    void shouldNotWriteUnchangedObjectsOnSecondApply() {
        List<Manifest> objects = yaml(CRD, NAMESPACE, WIDGET, configMap("settings", "a"));
        manager.applyAllStaged(objects, opts);
        int writes = cluster.writes.size();

        ChangeSet second = manager.applyAllStaged(objects, opts);

        assertThat(cluster.writes).hasSize(writes);
        assertThat(second.changes()).extracting(Change::action).containsOnly(Action.UNCHANGED);
        assertThat(second.changed()).isEmpty();
    }

    @Test
    void shouldConfigureOnlyTheObjectThatDrifted() {
        manager.applyAllStaged(yaml(configMap("a", "1"), configMap("b", "1")), opts);
        cluster.writes.clear();

        ChangeSet result = manager.applyAllStaged(yaml(configMap("a", "1"), configMap("b", "2")), opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly("ConfigMap/apps/a unchanged", "ConfigMap/apps/b configured");
        assertThat(cluster.writes).containsExactly("apply ConfigMap/apps/b");
        assertThat(cluster.dryRuns).isEqualTo(4);
    }

    @Test
    void shouldReapplyWhenSomeoneRemovedTheOwnerLabels() {
        manager.applyAllStaged(yaml(configMap("a", "one")), opts);
        cluster.existing(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: apps}
                data: {key: one}
                """);

        ChangeSet result = manager.applyAllStaged(yaml(configMap("a", "one")), opts);

        assertThat(result.changes()).extracting(Change::action).containsExactly(Action.CONFIGURED);
    }

    @Test
    void shouldLabelEveryObjectWithItsUnitAndApplyWithTheFieldManagerAndForce() {
        manager.applyAllStaged(yaml(configMap("settings", "a")), opts);

        assertThat(cluster.object("ConfigMap", "apps", "settings").orElseThrow().labels())
                .containsEntry("gitops.jenkins.io/name", "web")
                .containsEntry("gitops.jenkins.io/namespace", "flux-system");
        assertThat(cluster.lastApplyOptions.fieldManager()).isEqualTo("gitops-jenkins");
        assertThat(cluster.lastApplyOptions.force()).isTrue();
    }

    @Test
    void shouldCreateIfNotPresentObjectsOnlyWhenAbsent() {
        String secret =
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: tls
                  namespace: apps
                  annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}
                stringData: {crt: placeholder}
                """;
        assertThat(manager.applyAllStaged(yaml(secret), opts).changes())
                .extracting(Change::action)
                .containsExactly(Action.CREATED);
        cluster.writes.clear();

        ChangeSet second = manager.applyAllStaged(yaml(secret.replace("placeholder", "other")), opts);

        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.SKIPPED);
            assertThat(c.message()).contains("IfNotPresent").doesNotContain("other", "placeholder");
        });
        assertThat(cluster.writes).isEmpty();
        assertThat(second.inventory()).hasSize(1);
    }

    @Test
    void shouldSkipIgnoredObjectsWhetherTheManifestOrTheLiveObjectSaysSo() {
        String ignored =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ignored
                  namespace: apps
                  annotations: {kustomize.toolkit.fluxcd.io/ssa: ignore}
                """;
        cluster.existing(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: hands-off
                  namespace: apps
                  annotations: {kustomize.toolkit.fluxcd.io/ssa: Ignore}
                data: {key: manual}
                """);

        ChangeSet result = manager.applyAllStaged(yaml(ignored, configMap("hands-off", "git")), opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly(
                        "ConfigMap/apps/hands-off skipped (kustomize.toolkit.fluxcd.io/ssa: Ignore)",
                        "ConfigMap/apps/ignored skipped (kustomize.toolkit.fluxcd.io/ssa: Ignore)");
        assertThat(cluster.writes).isEmpty();
    }

    @Test
    void shouldSkipObjectsWithReconcileDisabled() {
        String disabled = configMap("frozen", "a")
                .replace(
                        "namespace: apps}",
                        "namespace: apps, annotations: {kustomize.toolkit.fluxcd.io/reconcile: disabled}}");

        ChangeSet result = manager.applyAllStaged(yaml(disabled), opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly("ConfigMap/apps/frozen skipped (kustomize.toolkit.fluxcd.io/reconcile: disabled)");
        assertThat(cluster.writes).isEmpty();
    }

    @Test
    void shouldApplyMergeObjectsWithForcedOwnershipKeepingFieldsOfOtherManagers() {
        cluster.existing(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: shared, namespace: apps}
                data: {fromKubectl: kept}
                """);
        String merge = configMap("shared", "git")
                .replace("namespace: apps}", "namespace: apps, annotations: {kustomize.toolkit.fluxcd.io/ssa: Merge}}");

        ChangeSet result = manager.applyAllStaged(yaml(merge), opts);

        assertThat(result.changes()).extracting(Change::action).containsExactly(Action.CONFIGURED);
        assertThat(cluster.lastApplyOptions.force()).isTrue();
        assertThat(cluster.object("ConfigMap", "apps", "shared").orElseThrow().get("data"))
                .hasValue(java.util.Map.of("fromKubectl", "kept", "key", "git"));
    }

    static final String JOB =
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: apps%s}
            spec: {image: app:%s}
            """;

    @Test
    void shouldFailImmutableChangesWithAHintToSetForce() {
        manager.applyAllStaged(yaml(JOB.formatted("", "1")), opts);
        cluster.immutable("Job", "apps", "migrate");
        cluster.writes.clear();

        ChangeSet result = manager.applyAllStaged(yaml(JOB.formatted("", "2")), opts);

        assertThat(result.firstFailure().orElseThrow().message())
                .contains(
                        "Job/apps/migrate dry-run failed (immutable field)",
                        "set force: true",
                        "kustomize.toolkit.fluxcd.io/force: enabled");
        assertThat(cluster.writes).isEmpty();
    }

    @Test
    void shouldRecreateImmutableChangesWhenTheUnitForces() {
        manager.applyAllStaged(yaml(JOB.formatted("", "1")), opts);
        cluster.immutable("Job", "apps", "migrate");
        cluster.writes.clear();

        ChangeSet result = manager.applyAllStaged(yaml(JOB.formatted("", "2")), opts.withForce(true));

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly("Job/apps/migrate created (recreated: an immutable field changed)");
        assertThat(cluster.writes).containsExactly("delete Job/apps/migrate", "apply Job/apps/migrate");
        assertThat(cluster.object("Job", "apps", "migrate").orElseThrow().get("spec", "image"))
                .hasValue("app:2");
    }

    @Test
    void shouldRecreateImmutableChangesWhenTheObjectAsksForForce() {
        String annotated = ", annotations: {kustomize.toolkit.fluxcd.io/force: Enabled}";
        manager.applyAllStaged(yaml(JOB.formatted(annotated, "1")), opts);
        cluster.immutable("Job", "apps", "migrate");

        ChangeSet result = manager.applyAllStaged(yaml(JOB.formatted(annotated, "2")), opts);

        assertThat(result.ok()).isTrue();
        assertThat(result.changes()).extracting(Change::action).containsExactly(Action.CREATED);
    }

    @Test
    void shouldRefuseSopsEncryptedSecretsBeforeAnyWrite() {
        String encrypted =
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: apps}
                data: {password: "ENC[AES256_GCM,data:c2VjcmV0,iv:abc,tag:def,type:str]"}
                sops:
                  age: [{recipient: age1xyz}]
                """;

        ChangeSet result = manager.applyAllStaged(yaml(configMap("settings", "a"), encrypted), opts);

        assertThat(result.changes()).isEmpty();
        assertThat(cluster.writes).isEmpty();
        assertThat(result.firstFailure().orElseThrow().message())
                .contains("Secret/apps/creds is SOPS encrypted", "spec.decryption")
                .doesNotContain("c2VjcmV0", "ENC[");
    }

    @Test
    void shouldRefuseSecretsWithEncryptedValuesEvenWithoutSopsMetadata() {
        String encrypted =
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: apps}
                stringData: {password: "ENC[AES256_GCM,data:abc,iv:x,tag:y,type:str]"}
                """;

        ChangeSet result = manager.applyAllStaged(yaml(encrypted), opts.withDecryption(true));

        assertThat(result.firstFailure().orElseThrow().message())
                .contains("Secret/apps/creds is SOPS encrypted", "decryption is configured but did not decrypt it");
    }

    @Test
    void shouldKeepPartialProgressWhenAnObjectFails() {
        cluster.failApply("ConfigMap", "apps", "bad");
        String deployment =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: apps}
                spec: {replicas: 1}
                """;

        ChangeSet result = manager.applyAllStaged(
                yaml(NAMESPACE, configMap("bad", "x"), configMap("good", "y"), deployment), opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly(
                        "Namespace/apps created", "ConfigMap/apps/good created", "Deployment/apps/web created");
        assertThat(result.failures()).extracting(Failure::object).containsExactly("ConfigMap/apps/bad");
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("ConfigMap/apps/bad apply failed (invalid)")
                .satisfies(e ->
                        assertThat(((ApplyException) e).changeSet().changes()).hasSize(3));
    }

    @Test
    void shouldStopBeforeTheNextStageWhenAStageFails() {
        String clusterRole =
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader}
                """;
        cluster.failApply("ClusterRole", "", "reader");

        ChangeSet result = manager.applyAllStaged(yaml(clusterRole, NAMESPACE, configMap("settings", "a")), opts);

        assertThat(result.changes()).extracting(Change::toString).containsExactly("Namespace/apps created");
        assertThat(result.failures()).extracting(Failure::object).containsExactly("ClusterRole/reader");
        assertThat(cluster.object("ConfigMap", "apps", "settings")).isEmpty();
    }

    @Test
    void shouldBuildASortedInventoryOfAppliedObjects() {
        ChangeSet result = manager.applyAllStaged(yaml(configMap("b", "1"), NAMESPACE, configMap("a", "1")), opts);

        assertThat(result.inventory())
                .containsExactly(
                        new InventoryEntry("_apps__Namespace", "v1"),
                        new InventoryEntry("apps_a__ConfigMap", "v1"),
                        new InventoryEntry("apps_b__ConfigMap", "v1"));
    }
}
