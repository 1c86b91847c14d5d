package io.jenkins.plugins.gitops.core.cluster.fabric8;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fabric8 {@link Config} for a {@link ClusterConnection}, built from that connection alone (no
 * system properties or environment variables of the JVM) and with fabric8's own retries off, so
 * that the adapter's {@link io.jenkins.plugins.gitops.core.cluster.RetryPolicy} is in control.
 */
final class Fabric8Config {

    static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

    private Fabric8Config() {}

    static Config from(ClusterConnection connection) {
        return from(connection, System.getenv());
    }

    static Config from(ClusterConnection connection, Map<String, String> env) {
        Config base =
                switch (connection.mode()) {
                    case KUBECONFIG -> fromKubeconfig(connection);
                    case IN_CLUSTER -> inCluster(env);
                    case TOKEN -> fromToken(connection);
                };
        return new ConfigBuilder(base)
                .withRequestTimeout(Math.toIntExact(connection.requestTimeout().toMillis()))
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    private static Config fromKubeconfig(ClusterConnection connection) {
        Path file = connection.kubeconfig();
        if (!Files.isReadable(file)) {
            throw new ClusterException(Reason.CONNECTION, 0, "kubeconfig " + file + ": cannot read it", null);
        }
        String context = connection.context().isEmpty() ? null : connection.context();
        try {
            // not Config.fromKubeconfig: it lets KUBERNETES_* variables and kubernetes.* properties of
            // this JVM override the file, which could point an agent pod at another cluster. Parsed from
            // the file, so relative certificate paths resolve against its folder.
            Config config = Config.empty();
            KubeConfigUtils.merge(config, context, KubeConfigUtils.parseConfig(file.toFile()));
            if (context != null
                    && (config.getCurrentContext() == null
                            || !context.equals(config.getCurrentContext().getName()))) {
                throw new ClusterException(
                        Reason.OTHER, 0, "kubeconfig " + file + ": no context named " + context, null);
            }
            return config;
        } catch (RuntimeException e) {
            if (e instanceof ClusterException ce) {
                throw ce;
            }
            throw new ClusterException(Reason.OTHER, 0, "kubeconfig " + file + ": cannot use it: " + e.getMessage(), e);
        }
    }

    @SuppressFBWarnings(
            value = "DMI_HARDCODED_ABSOLUTE_FILENAME",
            justification = "Kubernetes mounts the service account at this fixed path in every pod")
    private static Config inCluster(Map<String, String> env) {
        String host = env.getOrDefault("KUBERNETES_SERVICE_HOST", "");
        String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
        if (host.isBlank()) {
            throw new ClusterException(
                    Reason.CONNECTION,
                    0,
                    "in-cluster connection: KUBERNETES_SERVICE_HOST is not set — not in a pod?",
                    null);
        }
        Path tokenFile = Path.of(SERVICE_ACCOUNT, "token");
        String hostPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://" + hostPort)
                .withCaCertFile(SERVICE_ACCOUNT + "/ca.crt")
                // read on every request: projected service-account tokens are rotated
                .withOauthTokenProvider(() -> readToken(tokenFile))
                .build();
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service account token " + file, e);
        }
    }

    private static Config fromToken(ClusterConnection connection) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(connection.server())
                .withOauthToken(connection.token())
                .withTrustCerts(connection.insecure())
                .withDisableHostnameVerification(connection.insecure());
        if (!connection.caData().isBlank()) {
            builder.withCaCertData(base64(connection.caData()));
        }
        return builder.build();
    }

    /** fabric8 wants base64 of PEM; accept PEM as well. */
    private static String base64(String caData) {
        String trimmed = caData.trim();
        if (trimmed.startsWith("-----BEGIN")) {
            return java.util.Base64.getEncoder().encodeToString(trimmed.getBytes(StandardCharsets.UTF_8));
        }
        return trimmed;
    }
}
