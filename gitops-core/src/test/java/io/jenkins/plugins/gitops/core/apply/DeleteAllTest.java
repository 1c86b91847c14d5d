package io.jenkins.plugins.gitops.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteAllTest {

    final FakeCluster cluster = new FakeCluster();
    final ResourceManager manager =
            new ResourceManager(cluster, ManagerOptions.defaults().withTicker(new FakeTicker()));
    final DeleteOptions opts = DeleteOptions.defaults().withUnit("web", "flux-system");

    static String owned(String apiVersion, String kind, String namespace, String name, String extraAnnotations) {
        return """
                apiVersion: %s
                kind: %s
                metadata:
                  name: %s
                  namespace: "%s"
                  labels: {gitops.jenkins.io/name: web, gitops.jenkins.io/namespace: flux-system}
                  annotations: {%s}
                """
                .formatted(apiVersion, kind, name, namespace, extraAnnotations);
    }

    static InventoryEntry entry(String apiVersion, String kind, String namespace, String name) {
        return InventoryEntry.of(new ResourceRef(apiVersion, kind, namespace, name));
    }

    @Test
    void shouldDeleteOwnedObjectsInReverseApplyOrder() {
        cluster.existing(owned("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.com", ""))
                .existing(owned("v1", "Namespace", "", "apps", ""))
                .existing(owned("v1", "ConfigMap", "apps", "settings", ""));
        List<InventoryEntry> stale = List.of(
                entry("v1", "Namespace", "", "apps"),
                entry("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.com"),
                entry("v1", "ConfigMap", "apps", "settings"));

        DeleteResult result = manager.deleteAll(stale, opts);

        assertThat(cluster.writes)
                .containsExactly(
                        "delete ConfigMap/apps/settings",
                        "delete Namespace/apps",
                        "delete CustomResourceDefinition/widgets.example.com");
        assertThat(result.deleted()).hasSize(3);
        assertThat(result.ok()).isTrue();
    }

    @Test
    void shouldSkipObjectsNoLongerOwnedByTheUnit() {
        cluster.existing(owned("v1", "ConfigMap", "apps", "adopted", "")
                        .replace("gitops.jenkins.io/name: web", "gitops.jenkins.io/name: other"))
                .existing(
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: unlabelled, namespace: apps}
                        """);

        DeleteResult result = manager.deleteAll(
                List.of(entry("v1", "ConfigMap", "apps", "adopted"), entry("v1", "ConfigMap", "apps", "unlabelled")),
                opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactly(
                        "ConfigMap/apps/unlabelled skipped (not owned by this unit: it has no gitops.jenkins.io/name label)",
                        "ConfigMap/apps/adopted skipped (not owned by this unit: its owner labels name flux-system/other)");
        assertThat(cluster.writes).isEmpty();
    }

    @Test
    void shouldSkipObjectsThatOptOutOfPruning() {
        cluster.existing(owned(
                        "v1", "PersistentVolumeClaim", "apps", "data", "kustomize.toolkit.fluxcd.io/prune: Disabled"))
                .existing(
                        owned("v1", "ConfigMap", "apps", "frozen", "kustomize.toolkit.fluxcd.io/reconcile: disabled"));

        DeleteResult result = manager.deleteAll(
                List.of(
                        entry("v1", "PersistentVolumeClaim", "apps", "data"),
                        entry("v1", "ConfigMap", "apps", "frozen")),
                opts);

        assertThat(result.changes())
                .extracting(Change::toString)
                .containsExactlyInAnyOrder(
                        "PersistentVolumeClaim/apps/data skipped (kustomize.toolkit.fluxcd.io/prune: disabled)",
                        "ConfigMap/apps/frozen skipped (kustomize.toolkit.fluxcd.io/reconcile: disabled)");
        assertThat(cluster.writes).isEmpty();
        assertThat(result.survivingEntries()).isEmpty();
    }

    @Test
    void shouldCountObjectsAlreadyGoneAsDeleted() {
        DeleteResult result = manager.deleteAll(
                List.of(entry("v1", "ConfigMap", "apps", "gone"), entry("example.com/v1", "Widget", "apps", "w1")),
                opts);

        assertThat(result.changes()).extracting(Change::action).containsOnly(Action.DELETED);
        assertThat(cluster.writes).isEmpty();
    }

    @Test
    void shouldKeepObjectsWhoseDeleteFailedAsSurvivors() {
        cluster.existing(owned("v1", "ConfigMap", "apps", "guarded", ""))
                .existing(owned("v1", "ConfigMap", "apps", "plain", ""))
                .failDelete("ConfigMap", "apps", "guarded");

        DeleteResult result = manager.deleteAll(
                List.of(entry("v1", "ConfigMap", "apps", "guarded"), entry("v1", "ConfigMap", "apps", "plain")), opts);

        assertThat(result.deleted()).extracting(Change::object).containsExactly("ConfigMap/apps/plain");
        assertThat(result.survivors()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("ConfigMap/apps/guarded delete failed (forbidden)", "admission webhook denied"));
        assertThat(result.survivingEntries()).containsExactly(entry("v1", "ConfigMap", "apps", "guarded"));
    }

    @Test
    void shouldRefuseToPruneWithoutAUnit() {
        assertThatThrownBy(() -> manager.deleteAll(List.of(), DeleteOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withUnit");
    }

    @Test
    void shouldFindStaleEntriesRegardlessOfVersion() {
        List<InventoryEntry> previous = List.of(
                entry("apps/v1", "Deployment", "apps", "web"),
                entry("v1", "ConfigMap", "apps", "old"),
                entry("v1", "ConfigMap", "apps", "a-old"));
        List<InventoryEntry> current = List.of(entry("apps/v2", "Deployment", "apps", "web"));

        assertThat(ResourceManager.stale(previous, current))
                .containsExactly(entry("v1", "ConfigMap", "apps", "a-old"), entry("v1", "ConfigMap", "apps", "old"));
    }

    @Test
    void shouldBuildInventoryWithoutDuplicates() {
        ResourceRef ref = new ResourceRef("v1", "ConfigMap", "apps", "a");

        assertThat(ResourceManager.inventory(List.of(ref, ref, new ResourceRef("v1", "Namespace", "", "apps"))))
                .containsExactly(
                        new InventoryEntry("_apps__Namespace", "v1"), new InventoryEntry("apps_a__ConfigMap", "v1"));
    }
}
