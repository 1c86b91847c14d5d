package io.jenkins.plugins.gitops.core.cluster.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection through the mock server's expectation mode: what is retried, what is not, and how it reads. */
class Fabric8ClusterClientFaultTest {

    private static final String SETTINGS = "/api/v1/namespaces/apps/configmaps/settings";
    private static final String APPLY = SETTINGS + "?fieldManager=gitops-jenkins&force=true";

    private final List<Duration> waits = new ArrayList<>();
    private KubernetesMockServer server;
    private Fabric8ClusterClient client;

    @BeforeEach
    void startServer() {
        server = new KubernetesMockServer(false);
        server.init();
        client = clientWith(RetryPolicy.defaults());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    private Fabric8ClusterClient clientWith(RetryPolicy policy) {
        return new Fabric8ClusterClient(
                server.createClient(Fabric8ClusterClient::configure), policy.withSleeper(waits::add));
    }

    @Test
    void shouldHonourRetryAfterDuringA429Storm() {
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(429, status(429, "TooManyRequests", "Too many requests, please try again later."))
                .withHeader("Retry-After", "3")
                .times(3);
        server.expect().patch().withPath(APPLY).andReturn(200, settings()).once();

        Manifest applied = client.apply(settingsManifest(), ApplyOptions.defaults());

        assertThat(applied.get("data", "a")).contains("1");
        assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(3)));
        assertThat(patches()).isEqualTo(4);
    }

    @Test
    void shouldRetryA503StormWithBackoffThenSucceed() {
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(503, status(503, "ServiceUnavailable", "etcd is unavailable"))
                .times(4);
        server.expect().patch().withPath(APPLY).andReturn(200, settings()).once();

        client.apply(settingsManifest(), ApplyOptions.defaults());

        assertThat(waits).hasSize(4);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(3)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsAndSaySo() {
        client = clientWith(RetryPolicy.defaults().withMaxAttempts(3));
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(503, status(503, "ServiceUnavailable", "etcd is unavailable"))
                .always();

        assertThatThrownBy(() -> client.apply(settingsManifest(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
                    assertThat(e.code()).isEqualTo(503);
                    assertThat(e.getMessage())
                            .startsWith(
                                    "ConfigMap/apps/settings apply failed (ServiceUnavailable): etcd is unavailable")
                            .endsWith("(gave up after 3 attempts)");
                });
        assertThat(patches()).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void shouldReportAnInvalidObjectOnceWithoutRetrying() {
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(
                        422,
                        status(
                                422,
                                "Invalid",
                                "ConfigMap \"settings\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key"
                                        + " must consist of alphanumeric characters"))
                .always();

        assertThatThrownBy(() -> client.apply(settingsManifest(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.getMessage())
                            .isEqualTo("ConfigMap/apps/settings apply failed (Invalid): ConfigMap \"settings\" is"
                                    + " invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist"
                                    + " of alphanumeric characters");
                });
        assertThat(patches()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldTellAnImmutableFieldFromOtherInvalidObjects() {
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(
                        422,
                        status(
                                422,
                                "Invalid",
                                "ConfigMap \"settings\" is invalid: data: Forbidden: field is immutable when `immutable` is set"))
                .once();

        assertThatThrownBy(() -> client.apply(settingsManifest(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IMMUTABLE_FIELD);
                    assertThat(e.getMessage()).endsWith("— delete and recreate the object (force: true)");
                });
    }

    @Test
    void shouldMapAFieldManagerConflictWithAHint() {
        server.expect()
                .patch()
                .withPath(SETTINGS + "?fieldManager=gitops-jenkins")
                .andReturn(
                        409,
                        status(409, "Conflict", "Apply failed with 1 conflict: conflict with \"kubectl\": .data.a"))
                .once();

        assertThatThrownBy(() ->
                        client.apply(settingsManifest(), ApplyOptions.defaults().withForce(false)))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                    assertThat(e.getMessage())
                            .isEqualTo("ConfigMap/apps/settings apply failed (Conflict): Apply failed with 1"
                                    + " conflict: conflict with \"kubectl\": .data.a — set force or remove the other"
                                    + " manager");
                });
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldMaskSecretValuesTheServerQuotes() {
        server.expect()
                .patch()
                .withPath("/api/v1/namespaces/apps/secrets/creds?fieldManager=gitops-jenkins&force=true")
                .andReturn(
                        422,
                        status(
                                422,
                                "Invalid",
                                "Secret \"creds\" is invalid: data[pass word]: Invalid value: \"hunter2\": a valid"
                                        + " config key must consist of alphanumeric characters"))
                .once();
        Manifest secret = new Manifest(
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Secret",
                        "metadata",
                        Map.of("name", "creds", "namespace", "apps"),
                        "stringData",
                        Map.of("pass word", "hunter2")),
                "secret.yaml");

        assertThatThrownBy(() -> client.apply(secret, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage())
                            .startsWith("Secret/apps/creds apply failed (Invalid): Secret \"creds\" is invalid:")
                            .doesNotContain("hunter2");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void shouldSendAServerSideApplyPatch() throws InterruptedException {
        server.expect().patch().withPath(APPLY).andReturn(200, settings()).once();

        client.apply(settingsManifest(), ApplyOptions.defaults());

        RecordedRequest patch = lastPatch();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(patch.getPath()).isEqualTo(APPLY);
        assertThat(patch.getBody().readUtf8()).contains("\"name\":\"settings\"").contains("\"a\":\"1\"");
    }

    @Test
    void shouldAskForADryRunWithOwnFieldManager() throws InterruptedException {
        String path = SETTINGS + "?fieldManager=preview&dryRun=All";
        server.expect().patch().withPath(path).andReturn(200, settings()).once();

        client.apply(
                settingsManifest(),
                ApplyOptions.defaults().withDryRun(true).withForce(false).withFieldManager("preview"));

        assertThat(lastPatch().getPath()).isEqualTo(path);
    }

    @Test
    void shouldStopRetryingWhenInterruptedAndKeepTheFlag() {
        server.expect()
                .patch()
                .withPath(APPLY)
                .andReturn(429, status(429, "TooManyRequests", "slow down"))
                .always();
        client = new Fabric8ClusterClient(
                server.createClient(Fabric8ClusterClient::configure),
                RetryPolicy.defaults().withSleeper(wait -> {
                    throw new InterruptedException("build aborted");
                }));
        try {
            assertThatThrownBy(() -> client.apply(settingsManifest(), ApplyOptions.defaults()))
                    .isInstanceOfSatisfying(
                            ClusterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(patches()).isEqualTo(1);
    }

    @Test
    void shouldNotSendAnythingOnceInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.get(new ResourceRef("v1", "ConfigMap", "apps", "settings")))
                    .isInstanceOfSatisfying(
                            ClusterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldReportACustomKindWhoseCrdIsMissing() {
        Manifest store = new Manifest(
                Map.of(
                        "apiVersion", "secrets.example.io/v1",
                        "kind", "ClusterSecretStore",
                        "metadata", Map.of("name", "demo-store")),
                "store.yaml");

        assertThatThrownBy(() -> client.apply(store, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KIND_NOT_SERVED);
                    assertThat(e.getMessage())
                            .isEqualTo("ClusterSecretStore/demo-store: no kind ClusterSecretStore in"
                                    + " secrets.example.io/v1 is served — its CustomResourceDefinition is missing or"
                                    + " not Established yet");
                });
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .isEmpty();
    }

    @Test
    void shouldSeeANewlyEstablishedKindAfterRefreshingDiscovery() {
        server.expect()
                .get()
                .withPath("/apis/secrets.example.io/v1")
                .andReturn(
                        200,
                        new APIResourceListBuilder()
                                .withGroupVersion("secrets.example.io/v1")
                                .build())
                .once();
        server.expect()
                .get()
                .withPath("/apis/secrets.example.io/v1")
                .andReturn(
                        200,
                        new APIResourceListBuilder()
                                .withGroupVersion("secrets.example.io/v1")
                                .addToResources(new APIResourceBuilder()
                                        .withKind("ClusterSecretStore")
                                        .withName("clustersecretstores")
                                        .withNamespaced(false)
                                        .build())
                                .addToResources(new APIResourceBuilder()
                                        .withKind("ClusterSecretStore")
                                        .withName("clustersecretstores/status")
                                        .withNamespaced(false)
                                        .build())
                                .build())
                .once();

        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .isEmpty();
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .isEmpty(); // cached
        client.refreshDiscovery();
        assertThat(client.resource("secrets.example.io/v1", "ClusterSecretStore"))
                .contains(new ApiResource("secrets.example.io/v1", "ClusterSecretStore", "clustersecretstores", false));
    }

    @Test
    void shouldTreatARealServers404ForTheKindAsNotServed() {
        server.expect()
                .get()
                .withPath("/apis/secrets.example.io/v1")
                .andReturn(
                        200,
                        new APIResourceListBuilder()
                                .withGroupVersion("secrets.example.io/v1")
                                .addToResources(new APIResourceBuilder()
                                        .withKind("ClusterSecretStore")
                                        .withName("clustersecretstores")
                                        .withNamespaced(false)
                                        .build())
                                .build())
                .once();
        server.expect()
                .patch()
                .withPath(
                        "/apis/secrets.example.io/v1/clustersecretstores/demo-store?fieldManager=gitops-jenkins&force=true")
                .andReturn(404, status(404, "NotFound", "the server could not find the requested resource"))
                .once();
        Manifest store = new Manifest(
                Map.of(
                        "apiVersion", "secrets.example.io/v1",
                        "kind", "ClusterSecretStore",
                        "metadata", Map.of("name", "demo-store")),
                "store.yaml");

        assertThatThrownBy(() -> client.apply(store, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KIND_NOT_SERVED);
                    assertThat(e.getMessage())
                            .contains("no kind ClusterSecretStore in secrets.example.io/v1 is served");
                });
    }

    @Test
    void shouldMapAuthenticationAndAuthorizationFailures() {
        server.expect()
                .get()
                .withPath(SETTINGS)
                .andReturn(401, status(401, "Unauthorized", "Unauthorized"))
                .once();
        server.expect()
                .get()
                .withPath(SETTINGS)
                .andReturn(
                        403,
                        status(
                                403,
                                "Forbidden",
                                "configmaps \"settings\" is forbidden: User \"system:serviceaccount:ci:jenkins\" cannot"
                                        + " get resource \"configmaps\" in the namespace \"apps\""))
                .once();
        ResourceRef ref = new ResourceRef("v1", "ConfigMap", "apps", "settings");

        assertThatThrownBy(() -> client.get(ref))
                .isInstanceOfSatisfying(
                        ClusterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
        assertThatThrownBy(() -> client.get(ref)).isInstanceOfSatisfying(ClusterException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
            assertThat(e.getMessage()).startsWith("ConfigMap/apps/settings get failed (Forbidden):");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldMapARefusedConnectionAfterRetrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClusterConnection connection = ClusterConnection.token("http://127.0.0.1:" + closedPort, "t0ken")
                .withRequestTimeout(Duration.ofSeconds(2));
        RetryPolicy tiny = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), waits::add);

        try (Fabric8ClusterClient unreachable = Fabric8ClusterClient.connect(connection, tiny)) {
            assertThatThrownBy(() -> unreachable.get(new ResourceRef("v1", "ConfigMap", "apps", "settings")))
                    .isInstanceOfSatisfying(ClusterException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CONNECTION);
                        assertThat(e.getMessage())
                                .contains("(connection)")
                                .contains("check the server address")
                                .endsWith("(gave up after 3 attempts)")
                                .doesNotContain("t0ken");
                    });
        }
        assertThat(waits).hasSize(2);
    }

    private int patches() {
        int count = 0;
        try {
            for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS);
                    r != null;
                    r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
                if ("PATCH".equals(r.getMethod())) {
                    count++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }

    private RecordedRequest lastPatch() throws InterruptedException {
        RecordedRequest patch = null;
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS);
                r != null;
                r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            if ("PATCH".equals(r.getMethod())) {
                patch = r;
            }
        }
        return patch;
    }

    static Status status(int code, String reason, String message) {
        return new StatusBuilder()
                .withStatus("Failure")
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap settings() {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("apps")
                .withResourceVersion("7")
                .endMetadata()
                .addToData("a", "1")
                .build();
    }

    private static Manifest settingsManifest() {
        return new Manifest(
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "settings", "namespace", "apps"),
                        "data",
                        Map.of("a", "1")),
                "settings.yaml");
    }
}
