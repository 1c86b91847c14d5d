package io.jenkins.plugins.gitops.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConnectionTest {

    @Test
    void shouldNeverShowTheToken() {
        ClusterConnection connection = ClusterConnection.token("https://k8s.example.com", "s3cr3t-t0ken")
                .withCaData("-----BEGIN CERT");

        assertThat(connection.toString())
                .contains("https://k8s.example.com")
                .doesNotContain("s3cr3t-t0ken")
                .doesNotContain("BEGIN");
    }

    @Test
    void shouldTakeTheFirstFileOfKubeconfig() {
        String list = String.join(File.pathSeparator, "", "/etc/kube/first", "/etc/kube/second");

        ClusterConnection connection = ClusterConnection.fromEnvironment(Map.of("KUBECONFIG", list));

        assertThat(connection.mode()).isEqualTo(ClusterConnection.Mode.KUBECONFIG);
        assertThat(connection.kubeconfig()).isEqualTo(Path.of("/etc/kube/first"));
        assertThat(connection.context()).isEmpty();
    }

    @Test
    void shouldUseTheServiceAccountInAPod() {
        ClusterConnection connection = ClusterConnection.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"));

        assertThat(connection.mode()).isEqualTo(ClusterConnection.Mode.IN_CLUSTER);
    }

    @Test
    void shouldFallBackToTheHomeKubeconfig() {
        ClusterConnection connection = ClusterConnection.fromEnvironment(Map.of("HOME", "/home/ci"));

        assertThat(connection.kubeconfig()).isEqualTo(Path.of("/home/ci/.kube/config"));
    }

    @Test
    void shouldRefuseATokenConnectionWithoutToken() {
        assertThatThrownBy(() -> ClusterConnection.token("https://k8s.example.com", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
