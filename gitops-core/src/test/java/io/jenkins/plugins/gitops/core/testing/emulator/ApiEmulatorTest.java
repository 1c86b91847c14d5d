package io.jenkins.plugins.gitops.core.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's behaviours, one test each. Where a test pins down a difference from a real API
 * server, its name or a comment says so; {@code docs/api-emulator.md} lists them all.
 */
class ApiEmulatorTest {

    /** Java 17's client has no close(); one for the whole class keeps its threads few. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiEmulator api;
    private KubernetesClient client;

    @BeforeEach
    void startEmulator() {
        api = new ApiEmulator().start();
        client = api.client();
    }

    @AfterEach
    void stopEmulator() {
        api.close();
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .withData(data)
                .build();
    }

    private ConfigMap apply(String manager, boolean force, ConfigMap configMap) {
        var resource = client.resource(configMap).fieldManager(manager);
        return force ? resource.forceConflicts().serverSideApply() : resource.serverSideApply();
    }

    private static Deployment deployment(String name, int replicas, String image) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private HttpResponse<String> http(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonTrees.parse(response.body());
    }

    private static KubernetesClientException failure(Runnable call) {
        return catchThrowableOfType(KubernetesClientException.class, call::run);
    }

    @Nested
    class ServerSideApply {

        @Test
        void shouldCreateAnAbsentObjectAndRecordItsFieldsInFieldsV1Format() {
            ConfigMap created = apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1")));

            assertThat(created.getMetadata().getUid()).isNotBlank();
            assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();
            assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
            assertThat(created.getMetadata().getManagedFields()).singleElement().satisfies(entry -> {
                assertThat(entry.getManager()).isEqualTo("gitops-jenkins");
                assertThat(entry.getOperation()).isEqualTo("Apply");
                assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
                assertThat(JsonTrees.JSON.valueToTree(entry.getFieldsV1()).toString())
                        .isEqualTo("{\"f:data\":{\"f:a\":{}}}");
            });
        }

        @Test
        void shouldMergeTheAppliedConfigIntoTheLiveObject() {
            apply("one", false, configMap("settings", Map.of("a", "1")));
            ConfigMap merged = apply("two", false, configMap("settings", Map.of("b", "2")));

            assertThat(merged.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
            assertThat(merged.getMetadata().getManagedFields())
                    .extracting(e -> e.getManager())
                    .containsExactly("one", "two");
        }

        @Test
        void shouldAnswerConflictNamingFieldAndManagerWhenAnotherManagerOwnsTheField() {
            apply("kubectl", false, configMap("settings", Map.of("a", "1")));

            KubernetesClientException e =
                    failure(() -> apply("gitops-jenkins", false, configMap("settings", Map.of("a", "2"))));

            assertThat(e.getCode()).isEqualTo(409);
            assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
            assertThat(e.getStatus().getMessage())
                    .isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .data.a");
            assertThat(e.getStatus().getDetails().getCauses()).singleElement().satisfies(cause -> {
                assertThat(cause.getReason()).isEqualTo("FieldManagerConflict");
                assertThat(cause.getField()).isEqualTo(".data.a");
            });
            assertThat(client.configMaps().withName("settings").get().getData()).containsEntry("a", "1");
        }

        @Test
        void shouldNotConflictWhenTheOtherManagerOwnsTheSameValue() {
            apply("kubectl", false, configMap("settings", Map.of("a", "1")));

            ConfigMap shared = apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1")));

            assertThat(shared.getMetadata().getManagedFields()).hasSize(2);
        }

        @Test
        void shouldMoveOwnershipWhenForced() {
            apply("kubectl", false, configMap("settings", Map.of("a", "1", "b", "1")));

            ConfigMap forced = apply("gitops-jenkins", true, configMap("settings", Map.of("a", "2")));

            assertThat(forced.getData()).containsEntry("a", "2");
            assertThat(forced.getMetadata().getManagedFields())
                    .extracting(e -> e.getManager() + "=" + JsonTrees.JSON.valueToTree(e.getFieldsV1()))
                    .containsExactly("kubectl={\"f:data\":{\"f:b\":{}}}", "gitops-jenkins={\"f:data\":{\"f:a\":{}}}");
        }

        @Test
        void shouldRemoveFieldsTheManagerNoLongerAppliesUnlessAnotherManagerOwnsThem() {
            apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1", "b", "1", "c", "1")));
            apply("kubectl", false, configMap("settings", Map.of("c", "1")));

            ConfigMap after = apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1")));

            assertThat(after.getData()).containsOnlyKeys("a", "c");
        }

        @Test
        void shouldMergeContainersByNameAndReplaceOtherListsWhole() {
            Deployment first = deployment("web", 1, "nginx:1");
            first.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(List.of("--a", "--b"));
            client.resource(first).fieldManager("gitops-jenkins").serverSideApply();
            Deployment sidecar = deployment("web", 1, "nginx:1");
            sidecar.getSpec().getTemplate().getSpec().getContainers().get(0).setName("proxy");
            client.resource(sidecar).fieldManager("mesh").serverSideApply();
            Deployment second = deployment("web", 1, "nginx:1");
            second.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(List.of("--c"));

            Deployment after =
                    client.resource(second).fieldManager("gitops-jenkins").serverSideApply();

            var containers = after.getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).extracting(c -> c.getName()).containsExactly("web", "proxy");
            assertThat(containers.get(0).getArgs()).containsExactly("--c");
            JsonNode fields = JsonTrees.JSON.valueToTree(
                    after.getMetadata().getManagedFields().get(0).getFieldsV1());
            assertThat(fields.at("/f:spec/f:template/f:spec/f:containers").has("k:{\"name\":\"web\"}"))
                    .isTrue();
            assertThat(fields.at("/f:spec/f:template/f:spec/f:containers/k:{\"name\":\"web\"}")
                            .has("."))
                    .isTrue();
        }

        @Test
        void shouldBumpGenerationOnlyWhenTheSpecChangesAndResourceVersionOnlyWhenAnythingChanges() {
            Deployment created = client.resource(deployment("web", 1, "nginx:1"))
                    .fieldManager("m")
                    .serverSideApply();
            Deployment same = client.resource(deployment("web", 1, "nginx:1"))
                    .fieldManager("m")
                    .serverSideApply();
            Deployment labelled = deployment("web", 1, "nginx:1");
            labelled.getMetadata().setLabels(Map.of("tier", "front"));
            labelled = client.resource(labelled).fieldManager("m").serverSideApply();
            Deployment scaled = deployment("web", 3, "nginx:1");
            scaled.getMetadata().setLabels(Map.of("tier", "front"));
            scaled = client.resource(scaled).fieldManager("m").serverSideApply();

            assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
            assertThat(same.getMetadata().getResourceVersion())
                    .isEqualTo(created.getMetadata().getResourceVersion());
            assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);
            assertThat(labelled.getMetadata().getResourceVersion())
                    .isNotEqualTo(created.getMetadata().getResourceVersion());
            assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
        }

        @Test
        void shouldGivePlainWritersTheFieldsTheyChangeSoApplyConflictsWithThem() {
            apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1")));
            client.configMaps().withName("settings").edit(cm -> new ConfigMapBuilder(cm)
                    .addToData("a", "edited")
                    .build());

            KubernetesClientException e =
                    failure(() -> apply("gitops-jenkins", false, configMap("settings", Map.of("a", "1"))));

            // Update managers are printed with their apiVersion, as by the real server
            assertThat(e.getStatus().getMessage())
                    .startsWith("Apply failed with 1 conflict: conflict with \"")
                    .endsWith("\" using v1: .data.a");
        }

        @Test
        void shouldRequireAFieldManager() throws Exception {
            HttpResponse<String> response = http(
                    "PATCH",
                    "/api/v1/namespaces/default/configmaps/x",
                    "application/apply-patch+yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

            assertThat(response.statusCode()).isEqualTo(422);
        }

        @Test
        void shouldAcceptYamlBodies() throws Exception {
            HttpResponse<String> response = http(
                    "PATCH",
                    "/api/v1/namespaces/default/configmaps/x?fieldManager=kubectl&force=true",
                    "application/apply-patch+yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: v\n");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(client.configMaps().withName("x").get().getData()).containsEntry("k", "v");
        }

        @Test
        void shouldApplyMergePatchesAndJsonPatches() {
            client.resource(configMap("settings", Map.of("a", "1", "b", "1"))).create();

            client.configMaps()
                    .withName("settings")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"2\",\"b\":null}}");
            client.configMaps()
                    .withName("settings")
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/data/c\",\"value\":\"3\"}]");

            assertThat(client.configMaps().withName("settings").get().getData())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "c", "3"));
        }

        @Test
        void shouldRejectAStaleResourceVersion() {
            ConfigMap created =
                    client.resource(configMap("settings", Map.of("a", "1"))).create();
            client.resource(configMap("settings", Map.of("a", "2"))).update();

            created.setData(Map.of("a", "3"));
            KubernetesClientException e = failure(() -> client.resource(created).update());

            assertThat(e.getCode()).isEqualTo(409);
            assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
        }
    }

    @Nested
    class DryRun {

        @Test
        void shouldReturnTheWouldBeResultOfEveryWriteAndPersistNothing() {
            ConfigMap created =
                    client.resource(configMap("dry", Map.of("a", "1"))).dryRun().create();
            assertThat(created.getMetadata().getUid()).isNotBlank();
            assertThat(client.configMaps().withName("dry").get()).isNull();

            ConfigMap applied = client.resource(configMap("dry", Map.of("a", "1")))
                    .dryRun()
                    .fieldManager("m")
                    .serverSideApply();
            assertThat(applied.getData()).containsEntry("a", "1");
            assertThat(client.configMaps().withName("dry").get()).isNull();

            ConfigMap live = apply("m", false, configMap("live", Map.of("a", "1")));
            ConfigMap wouldBe = client.resource(configMap("live", Map.of("a", "2")))
                    .dryRun()
                    .fieldManager("m")
                    .serverSideApply();
            client.configMaps()
                    .withName("live")
                    .dryRun()
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":\"2\"}}");
            client.configMaps().withName("live").dryRun().delete();

            assertThat(wouldBe.getData()).containsEntry("a", "2");
            ConfigMap after = client.configMaps().withName("live").get();
            assertThat(after.getData()).isEqualTo(Map.of("a", "1"));
            assertThat(after.getMetadata().getResourceVersion())
                    .isEqualTo(live.getMetadata().getResourceVersion());
            assertThat(api.writes()).extracting(EmulatedRequest::dryRun).containsOnly(false);
        }
    }

    @Nested
    class Discovery {

        @Test
        void shouldServeDiscoveryForTheBuiltInKinds() throws Exception {
            JsonNode core = json(http("GET", "/api/v1", null, null));
            JsonNode groups = json(http("GET", "/apis", null, null));
            JsonNode apps = json(http("GET", "/apis/apps/v1", null, null));

            assertThat(json(http("GET", "/api", null, null)).path("versions").toString())
                    .isEqualTo("[\"v1\"]");
            assertThat(core.path("resources").findValuesAsText("name"))
                    .contains("namespaces", "configmaps", "secrets", "services", "pods", "persistentvolumeclaims");
            assertThat(groups.path("groups").findValuesAsText("name"))
                    .contains(
                            "apps",
                            "batch",
                            "rbac.authorization.k8s.io",
                            "apiextensions.k8s.io",
                            "networking.k8s.io",
                            "policy",
                            "storage.k8s.io",
                            "admissionregistration.k8s.io");
            assertThat(apps.path("resources").findValuesAsText("name"))
                    .contains("deployments", "deployments/status", "statefulsets", "daemonsets", "replicasets");
            assertThat(http("GET", "/apis/example.com/v1", null, null).statusCode())
                    .isEqualTo(404);
        }

        @Test
        void shouldLetTheClientResolveKindsThroughDiscovery() {
            GenericKubernetesResource cm = new GenericKubernetesResourceBuilder()
                    .withApiVersion("v1")
                    .withKind("ConfigMap")
                    .withNewMetadata()
                    .withName("generic")
                    .withNamespace("default")
                    .endMetadata()
                    .withAdditionalProperties(Map.of("data", Map.of("k", "v")))
                    .build();
            client.resource(cm).fieldManager("m").serverSideApply();

            assertThat(client.genericKubernetesResources("v1", "ConfigMap")
                            .inNamespace("default")
                            .list()
                            .getItems())
                    .extracting(r -> r.getMetadata().getName())
                    .containsExactly("generic");
        }
    }

    @Nested
    class CustomResourceDefinitions {

        private CustomResourceDefinition crd() {
            return new CustomResourceDefinitionBuilder()
                    .withNewMetadata()
                    .withName("widgets.example.com")
                    .endMetadata()
                    .withNewSpec()
                    .withGroup("example.com")
                    .withScope("Namespaced")
                    .withNewNames()
                    .withKind("Widget")
                    .withPlural("widgets")
                    .withSingular("widget")
                    .withListKind("WidgetList")
                    .endNames()
                    .addNewVersion()
                    .withName("v1")
                    .withServed(true)
                    .withStorage(true)
                    .withNewSubresources()
                    .withNewStatus()
                    .endStatus()
                    .endSubresources()
                    .endVersion()
                    .endSpec()
                    .build();
        }

        private static final String WIDGETS = "/apis/example.com/v1/namespaces/default/widgets";

        private static final String WIDGET =
                "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 1\nstatus:\n  ok: true\n";

        private HttpResponse<String> applyWidget() throws Exception {
            return http("PATCH", WIDGETS + "/w?fieldManager=m", "application/apply-patch+yaml", WIDGET);
        }

        @Test
        void shouldAnswerNotFoundForCustomResourcesUntilTheCrdIsEstablished() throws Exception {
            api.establishCrdsManually();
            client.resource(crd()).create();

            HttpResponse<String> early = applyWidget();
            assertThat(early.statusCode()).isEqualTo(404);
            assertThat(json(early).path("reason").asText()).isEqualTo("NotFound");
            assertThat(json(early).path("message").asText())
                    .isEqualTo("the server could not find the requested resource");
            assertThat(json(http("GET", "/apis", null, null)).path("groups").findValuesAsText("name"))
                    .doesNotContain("example.com");

            api.establish("widgets.example.com");

            assertThat(applyWidget().statusCode()).isEqualTo(201);
            CustomResourceDefinition established = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName("widgets.example.com")
                    .get();
            assertThat(established.getStatus().getConditions())
                    .extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("NamesAccepted=True", "Established=True");
            assertThat(json(http("GET", "/apis/example.com/v1", null, null))
                            .path("resources")
                            .findValuesAsText("name"))
                    .containsExactly("widgets", "widgets/status");
        }

        @Test
        void shouldEstablishCrdsAtOnceByDefault() throws Exception {
            client.resource(crd()).create();

            HttpResponse<String> created = applyWidget();

            assertThat(created.statusCode()).isEqualTo(201);
            // the status subresource: status in a normal write is dropped
            assertThat(json(created).has("status")).isFalse();
        }

        @Test
        void shouldEstablishCrdsAfterTheConfiguredDelay() throws Exception {
            api.establishDelay(Duration.ofSeconds(1));
            client.resource(crd()).create();

            assertThat(applyWidget().statusCode()).isEqualTo(404);
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName("widgets.example.com")
                    .waitUntilCondition(ApiTypesView::isEstablished, 5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(applyWidget().statusCode()).isEqualTo(201);
        }

        @Test
        void shouldDeleteCustomResourcesWithTheirCrd() throws Exception {
            client.resource(crd()).create();
            applyWidget();
            assertThat(api.stored("example.com", "widgets")).hasSize(1);

            client.resource(crd()).delete();

            assertThat(api.stored("example.com", "widgets")).isEmpty();
            assertThat(http("GET", WIDGETS, null, null).statusCode()).isEqualTo(404);
        }
    }

    /** Reads the Established condition through the typed model. */
    static final class ApiTypesView {
        private ApiTypesView() {}

        static boolean isEstablished(CustomResourceDefinition crd) {
            return crd != null
                    && crd.getStatus() != null
                    && crd.getStatus().getConditions().stream()
                            .anyMatch(c -> c.getType().equals("Established")
                                    && c.getStatus().equals("True"));
        }
    }

    @Nested
    class StatusSubresource {

        @Test
        void shouldChangeOnlyStatusThroughStatusAndNeverThroughNormalWrites() throws Exception {
            client.resource(deployment("web", 1, "nginx:1")).create();
            String statusPath = "/apis/apps/v1/namespaces/default/deployments/web/status";

            HttpResponse<String> statusWrite = http(
                    "PATCH",
                    statusPath,
                    "application/merge-patch+json",
                    "{\"spec\":{\"replicas\":5},\"status\":{\"readyReplicas\":1}}");
            client.apps()
                    .deployments()
                    .withName("web")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"readyReplicas\":9}}");

            assertThat(statusWrite.statusCode()).isEqualTo(200);
            Deployment live = client.apps().deployments().withName("web").get();
            assertThat(live.getSpec().getReplicas()).isEqualTo(1);
            assertThat(live.getStatus().getReadyReplicas()).isEqualTo(1);
            assertThat(live.getMetadata().getGeneration()).isEqualTo(1L);
        }

        @Test
        void shouldAnswerNotFoundForStatusOfKindsWithoutTheSubresource() throws Exception {
            HttpResponse<String> configMapStatus =
                    http("GET", "/api/v1/namespaces/default/configmaps/x/status", null, null);

            assertThat(configMapStatus.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Controllers {

        @Test
        void shouldMakeWorkloadsReadyJobsCompletePvcsBoundAndLoadBalancersAddressed() {
            api.readyWorkloads();
            client.resource(deployment("web", 2, "nginx:1")).create();
            client.resource(new JobBuilder()
                            .withNewMetadata()
                            .withName("once")
                            .withNamespace("default")
                            .endMetadata()
                            .withNewSpec()
                            .withNewTemplate()
                            .withNewSpec()
                            .addNewContainer()
                            .withName("c")
                            .withImage("busybox")
                            .endContainer()
                            .endSpec()
                            .endTemplate()
                            .endSpec()
                            .build())
                    .create();
            client.resource(new PersistentVolumeClaimBuilder()
                            .withNewMetadata()
                            .withName("data")
                            .withNamespace("default")
                            .endMetadata()
                            .withNewSpec()
                            .withAccessModes("ReadWriteOnce")
                            .withNewResources()
                            .addToRequests("storage", new Quantity("1Gi"))
                            .endResources()
                            .endSpec()
                            .build())
                    .create();
            client.resource(new ServiceBuilder()
                            .withNewMetadata()
                            .withName("lb")
                            .withNamespace("default")
                            .endMetadata()
                            .withNewSpec()
                            .withType("LoadBalancer")
                            .endSpec()
                            .build())
                    .create();

            Deployment web = client.apps().deployments().withName("web").get();
            assertThat(web.getStatus().getObservedGeneration()).isEqualTo(1L);
            assertThat(web.getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(web.getStatus().getConditions())
                    .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                    .containsExactly(
                            "Available=True/MinimumReplicasAvailable", "Progressing=True/NewReplicaSetAvailable");
            Job job = client.batch().v1().jobs().withName("once").get();
            assertThat(job.getStatus().getConditions())
                    .extracting(c -> c.getType())
                    .contains("Complete");
            PersistentVolumeClaim pvc =
                    client.persistentVolumeClaims().withName("data").get();
            assertThat(pvc.getStatus().getPhase()).isEqualTo("Bound");
            Service lb = client.services().withName("lb").get();
            assertThat(lb.getStatus().getLoadBalancer().getIngress())
                    .singleElement()
                    .satisfies(i -> assertThat(i.getIp()).startsWith("192.0.2."));
        }

        @Test
        void shouldFollowNewGenerations() {
            api.readyWorkloads();
            client.resource(deployment("web", 1, "nginx:1")).fieldManager("m").serverSideApply();

            client.resource(deployment("web", 4, "nginx:2")).fieldManager("m").serverSideApply();

            Deployment web = client.apps().deployments().withName("web").get();
            assertThat(web.getMetadata().getGeneration()).isEqualTo(2L);
            assertThat(web.getStatus().getObservedGeneration()).isEqualTo(2L);
            assertThat(web.getStatus().getReadyReplicas()).isEqualTo(4);
        }

        @Test
        void shouldFailANamedWorkload() {
            api.readyWorkloads();
            api.failWorkload("Deployment", "default", "broken", "ReplicaSet \"broken-1\" has timed out progressing.");
            client.resource(deployment("broken", 1, "nginx:1")).create();
            client.resource(deployment("fine", 1, "nginx:1")).create();

            Deployment broken = client.apps().deployments().withName("broken").get();
            assertThat(broken.getStatus().getConditions())
                    .filteredOn(c -> c.getType().equals("Progressing"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded");
                        assertThat(c.getMessage()).contains("timed out");
                    });
            assertThat(client.apps()
                            .deployments()
                            .withName("fine")
                            .get()
                            .getStatus()
                            .getReadyReplicas())
                    .isEqualTo(1);
        }

        @Test
        void shouldDelayReadinessWhenAsked() {
            api.readyWorkloads().delayWorkloads(Duration.ofSeconds(1));
            client.resource(deployment("web", 1, "nginx:1")).create();

            // read past the HTTP layer: a second is long, but a cold client may take a while
            assertThat(api.stored("apps", "deployments")).singleElement().satisfies(d -> assertThat(d.has("status"))
                    .isFalse());
            Deployment ready = client.apps()
                    .deployments()
                    .withName("web")
                    .waitUntilCondition(
                            d -> d.getStatus() != null
                                    && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()),
                            5,
                            java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
        }

        @Test
        void shouldLeaveStatusAloneWithoutReadyWorkloads() {
            client.resource(deployment("web", 1, "nginx:1")).create();

            assertThat(client.apps().deployments().withName("web").get().getStatus())
                    .isNull();
        }
    }

    @Nested
    class Namespaces {

        @Test
        void shouldAnswerNotFoundForObjectsInAMissingNamespace() {
            ConfigMap elsewhere = configMap("x", Map.of());
            elsewhere.getMetadata().setNamespace("missing");

            KubernetesClientException e =
                    failure(() -> client.resource(elsewhere).create());

            assertThat(e.getCode()).isEqualTo(404);
            assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
            assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"missing\" not found");
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("missing")
                            .endMetadata()
                            .build())
                    .create();
            assertThat(client.resource(elsewhere).create().getMetadata().getNamespace())
                    .isEqualTo("missing");
        }

        @Test
        void shouldAcceptObjectsInAnyNamespaceWhenAllowed() {
            api.allowMissingNamespaces();
            ConfigMap elsewhere = configMap("x", Map.of());
            elsewhere.getMetadata().setNamespace("missing");

            assertThat(client.resource(elsewhere).create()).isNotNull();
        }

        @Test
        void shouldDeleteTheObjectsOfADeletedNamespace() {
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("apps")
                            .endMetadata()
                            .build())
                    .create();
            ConfigMap cm = configMap("x", Map.of());
            cm.getMetadata().setNamespace("apps");
            client.resource(cm).create();

            client.namespaces().withName("apps").delete();

            assertThat(client.configMaps().inNamespace("apps").list().getItems())
                    .isEmpty();
        }
    }

    @Nested
    class LabelSelectors {

        @BeforeEach
        void createLabelledObjects() {
            for (String[] spec : new String[][] {{"a", "prod"}, {"b", "dev"}, {"c", null}}) {
                ConfigMap cm = configMap(spec[0], Map.of());
                if (spec[1] != null) {
                    cm.getMetadata().setLabels(Map.of("env", spec[1]));
                }
                client.resource(cm).create();
            }
        }

        private List<String> select(String selector) throws Exception {
            JsonNode list = json(http(
                    "GET",
                    "/api/v1/namespaces/default/configmaps?labelSelector="
                            + java.net.URLEncoder.encode(selector, java.nio.charset.StandardCharsets.UTF_8),
                    null,
                    null));
            return list.path("items").findValuesAsText("name").stream()
                    .filter(n -> n.length() == 1)
                    .toList();
        }

        @Test
        void shouldSupportEqualityAndSetBasedSelectors() throws Exception {
            assertThat(select("env=prod")).containsExactly("a");
            assertThat(select("env==prod")).containsExactly("a");
            assertThat(select("env!=prod")).containsExactly("b", "c");
            assertThat(select("env in (prod,dev)")).containsExactly("a", "b");
            assertThat(select("env notin (prod)")).containsExactly("b", "c");
            assertThat(select("env")).containsExactly("a", "b");
            assertThat(select("!env")).containsExactly("c");
            assertThat(select("env,env notin (dev)")).containsExactly("a");
        }

        @Test
        void shouldSelectThroughTheClient() {
            assertThat(client.configMaps()
                            .withLabelIn("env", "prod", "dev")
                            .list()
                            .getItems())
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactly("a", "b");
            assertThat(client.configMaps().withLabelNotIn("env", "prod").list().getItems())
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactly("b", "c");
        }
    }

    @Nested
    class Faults {

        @Test
        void shouldFailTheNextRequestsWithRetryAfter() throws Exception {
            api.failNext(EmulatedRequest.matching("GET", ".*/configmaps"), 2, 429, "3");

            HttpResponse<String> first = http("GET", "/api/v1/namespaces/default/configmaps", null, null);
            HttpResponse<String> second = http("GET", "/api/v1/namespaces/default/configmaps", null, null);
            HttpResponse<String> third = http("GET", "/api/v1/namespaces/default/configmaps", null, null);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(json(first).path("reason").asText()).isEqualTo("TooManyRequests");
            assertThat(json(first).path("details").path("retryAfterSeconds").asInt())
                    .isEqualTo(3);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(third.statusCode()).isEqualTo(200);
        }

        @Test
        void shouldReachTheClientWithoutItsOwnRetries() {
            api.failNext(1, 503, null);

            KubernetesClientException e = failure(() -> client.configMaps().list());

            assertThat(e.getCode()).isEqualTo(503);
            assertThat(client.configMaps().list().getItems()).isEmpty();
        }

        @Test
        void shouldFailOneObjectAlwaysWithARealisticStatus() {
            api.failAlways(
                    EmulatedRequest.matching("PATCH", ".*/configmaps/bad"),
                    422,
                    "ConfigMap \"bad\" is invalid: data[x y]: Invalid value: \"x y\": a valid config key must consist"
                            + " of alphanumeric characters");
            api.failAlways(EmulatedRequest.matching("DELETE", ".*/configmaps/stuck"), 500, "etcdserver: timeout");
            client.resource(configMap("stuck", Map.of())).create();

            KubernetesClientException invalid = failure(() -> apply("m", true, configMap("bad", Map.of())));
            KubernetesClientException stuck =
                    failure(() -> client.configMaps().withName("stuck").delete());

            assertThat(invalid.getCode()).isEqualTo(422);
            assertThat(invalid.getStatus().getReason()).isEqualTo("Invalid");
            assertThat(invalid.getStatus().getDetails().getName()).isEqualTo("bad");
            assertThat(invalid.getStatus().getMessage()).startsWith("ConfigMap \"bad\" is invalid");
            assertThat(stuck.getCode()).isEqualTo(500);
            assertThat(client.configMaps().withName("stuck").get()).isNotNull();
            assertThat(apply("m", true, configMap("good", Map.of()))).isNotNull();
        }
    }

    @Nested
    class RequestLog {

        @Test
        void shouldRecordEveryRequestAndTellWritesApart() {
            api.clearLog();
            apply("m", false, configMap("x", Map.of("a", "1")));
            client.resource(configMap("y", Map.of())).dryRun().create();
            client.configMaps().withName("x").get();

            assertThat(api.requests())
                    .extracting(r -> r.method() + " " + r.path() + " " + r.dryRun())
                    .containsExactly(
                            "PATCH /api/v1/namespaces/default/configmaps/x false",
                            "POST /api/v1/namespaces/default/configmaps true",
                            "GET /api/v1/namespaces/default/configmaps/x false");
            assertThat(api.writes()).singleElement().satisfies(w -> {
                assertThat(w.isApply()).isTrue();
                assertThat(w.contentType()).startsWith("application/apply-patch+yaml");
                assertThat(w.queryParameter("fieldManager")).isEqualTo("m");
            });

            api.clearLog();
            assertThat(api.requests()).isEmpty();
        }
    }

    @Nested
    class Kubeconfig {

        @Test
        void shouldWriteAKubeconfigThatClientsCanUse(@TempDir Path dir) throws Exception {
            Path kubeconfig = api.writeKubeconfig(dir);

            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            try (KubernetesClient other =
                    new KubernetesClientBuilder().withConfig(config).build()) {
                other.resource(configMap("from-kubeconfig", Map.of())).create();
            }

            assertThat(config.getNamespace()).isEqualTo("default");
            assertThat(client.configMaps().withName("from-kubeconfig").get()).isNotNull();
        }
    }

    @Test
    void shouldStartWithTheDefaultNamespacesOnly() {
        assertThat(client.namespaces().list().getItems())
                .extracting(n -> n.getMetadata().getName())
                .containsExactly("default", "kube-system");
        assertThatThrownBy(() -> client.configMaps().withName("none").require())
                .hasMessageContaining("configmaps \"none\" not found");
    }
}
