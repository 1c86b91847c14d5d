package io.jenkins.plugins.gitops.core.cluster.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fabric8ConfigTest {

    private static final String KUBECONFIG =
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: dev
              cluster:
                server: https://dev.example.com:6443
            - name: prod
              cluster:
                server: https://prod.example.com:6443
            users:
            - name: dev-user
              user:
                token: dev-token
            - name: prod-user
              user:
                token: prod-token
            contexts:
            - name: dev
              context:
                cluster: dev
                user: dev-user
                namespace: apps
            - name: prod
              context:
                cluster: prod
                user: prod-user
            current-context: dev
            """;

    @TempDir
    Path dir;

    private Path kubeconfig() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, KUBECONFIG);
        return file;
    }

    @Test
    void shouldUseTheCurrentContextByDefault() throws IOException {
        Config config = Fabric8Config.from(ClusterConnection.kubeconfig(kubeconfig(), null), Map.of());

        assertThat(config.getMasterUrl()).startsWith("https://dev.example.com:6443");
        assertThat(config.getAutoOAuthToken()).isEqualTo("dev-token");
    }

    @Test
    void shouldSelectTheNamedContext() throws IOException {
        Config config = Fabric8Config.from(ClusterConnection.kubeconfig(kubeconfig(), "prod"), Map.of());

        assertThat(config.getMasterUrl()).startsWith("https://prod.example.com:6443");
        assertThat(config.getAutoOAuthToken()).isEqualTo("prod-token");
    }

    @Test
    void shouldRefuseAContextTheFileDoesNotHave() throws IOException {
        Path file = kubeconfig();

        assertThatThrownBy(() -> Fabric8Config.from(ClusterConnection.kubeconfig(file, "staging"), Map.of()))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no context named staging");
    }

    @Test
    void shouldReportAMissingKubeconfig() {
        Path missing = dir.resolve("absent");

        assertThatThrownBy(() -> Fabric8Config.from(ClusterConnection.kubeconfig(missing, ""), Map.of()))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void shouldSwitchOffFabric8RetriesAndApplyTheTimeout() {
        ClusterConnection connection = ClusterConnection.token("https://k8s.example.com", "t0ken")
                .withRequestTimeout(Duration.ofSeconds(7))
                .withInsecure(true);

        Config config = Fabric8Config.from(connection, Map.of());

        assertThat(config.getRequestRetryBackoffLimit()).isZero();
        assertThat(config.getRequestTimeout()).isEqualTo(7000);
        assertThat(config.getOauthToken()).isEqualTo("t0ken");
        assertThat(config.isTrustCerts()).isTrue();
    }

    @Test
    void shouldPointInClusterConnectionsAtTheServiceHost() {
        Config config = Fabric8Config.from(
                ClusterConnection.inCluster(),
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "6443"));

        assertThat(config.getMasterUrl()).startsWith("https://10.0.0.1:6443");
    }
}
