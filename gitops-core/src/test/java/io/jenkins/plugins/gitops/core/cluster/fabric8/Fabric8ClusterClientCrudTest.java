package io.jenkins.plugins.gitops.core.cluster.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads and deletes against the mock server's CRUD mode (which has no server-side apply). */
class Fabric8ClusterClientCrudTest {

    private KubernetesMockServer server;
    private KubernetesClient fabric8;
    private Fabric8ClusterClient client;

    @BeforeEach
    void startServer() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        fabric8 = server.createClient();
        client = new Fabric8ClusterClient(server.createClient(Fabric8ClusterClient::configure), RetryPolicy.none());
        configMap("apps", "settings", Map.of("app", "web", "tier", "front"));
        configMap("apps", "other", Map.of("app", "db"));
        configMap("ops", "settings", Map.of("app", "web"));
    }

    @AfterEach
    void stopServer() {
        client.close();
        fabric8.close();
        server.destroy();
    }

    private void configMap(String namespace, String name, Map<String, String> labels) {
        fabric8.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .endMetadata()
                        .addToData("a", "1")
                        .build())
                .create();
    }

    @Test
    void shouldGetTheLiveObjectAsAManifest() {
        Manifest live = client.get(new ResourceRef("v1", "ConfigMap", "apps", "settings"))
                .orElseThrow();

        assertThat(live.id().toString()).isEqualTo("ConfigMap/apps/settings");
        assertThat(live.get("data", "a")).contains("1");
        assertThat(live.labels()).containsEntry("tier", "front");
    }

    @Test
    void shouldKeepIntegersIntegers() {
        fabric8.apps()
                .deployments()
                .inNamespace("apps")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .withNamespace("apps")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(3)
                        .endSpec()
                        .build())
                .create();

        Manifest live = client.get(new ResourceRef("apps/v1", "Deployment", "apps", "web"))
                .orElseThrow();

        assertThat(live.get("spec", "replicas"))
                .containsInstanceOf(Integer.class)
                .contains(3);
    }

    @Test
    void shouldGetNothingForAnAbsentObject() {
        assertThat(client.get(new ResourceRef("v1", "ConfigMap", "apps", "missing")))
                .isEmpty();
    }

    @Test
    void shouldDeleteOnceAndThenReportAbsent() {
        ResourceRef ref = new ResourceRef("v1", "ConfigMap", "apps", "settings");

        assertThat(client.delete(ref)).isTrue();
        assertThat(client.get(ref)).isEmpty();
        assertThat(client.delete(ref)).isFalse();
    }

    @Test
    void shouldDeleteNothingOfAKindThatIsNotServed() {
        assertThat(client.delete(new ResourceRef("secrets.example.io/v1", "ClusterSecretStore", "", "demo")))
                .isFalse();
    }

    @Test
    void shouldListByLabelsInOneNamespaceOrAll() {
        assertThat(names(client.list("v1", "ConfigMap", "apps", Map.of("app", "web"))))
                .containsExactly("ConfigMap/apps/settings");
        assertThat(names(client.list("v1", "ConfigMap", "", Map.of("app", "web"))))
                .containsExactlyInAnyOrder("ConfigMap/apps/settings", "ConfigMap/ops/settings");
        assertThat(names(client.list("v1", "ConfigMap", "apps", Map.of()))).hasSize(2);
    }

    @Test
    void shouldListClusterScopedKinds() {
        fabric8.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("apps")
                        .addToLabels("team", "web")
                        .endMetadata()
                        .build())
                .create();

        assertThat(names(client.list("v1", "Namespace", "", Map.of("team", "web"))))
                .containsExactly("Namespace/apps");
    }

    @Test
    void shouldKnowBuiltInKindsWhereTheServerHasNoDiscovery() {
        assertThat(client.resource("apps/v1", "Deployment"))
                .contains(new ApiResource("apps/v1", "Deployment", "deployments", true));
        assertThat(client.resource("v1", "Namespace"))
                .contains(new ApiResource("v1", "Namespace", "namespaces", false));
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .isEmpty();
    }

    @Test
    void shouldServeACustomKindOnceItsCrdExists() {
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .isEmpty();
        fabric8.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName("clustersecretstores.secrets.example.io")
                        .endMetadata()
                        .withNewSpec()
                        .withGroup("secrets.example.io")
                        .withScope("Cluster")
                        .withNewNames()
                        .withKind("ClusterSecretStore")
                        .withPlural("clustersecretstores")
                        .endNames()
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .endVersion()
                        .endSpec()
                        .build())
                .create();

        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .as("cached until refreshed")
                .isEmpty();
        client.refreshDiscovery();
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .contains(new ApiResource("secrets.example.io/v1", "ClusterSecretStore", "clustersecretstores", false));
    }

    @Test
    void shouldConnectThroughAKubeconfig(@TempDir Path dir) throws IOException {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: ci
                  user:
                    token: not-checked
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: ci
                current-context: mock
                """
                        .formatted(server.url("/")));

        try (Fabric8ClusterClient connected =
                Fabric8ClusterClient.connect(ClusterConnection.kubeconfig(kubeconfig, ""), RetryPolicy.none())) {
            assertThat(connected.get(new ResourceRef("v1", "ConfigMap", "ops", "settings")))
                    .isPresent();
        }
    }

    private static List<String> names(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.id().toString()).toList();
    }
}
