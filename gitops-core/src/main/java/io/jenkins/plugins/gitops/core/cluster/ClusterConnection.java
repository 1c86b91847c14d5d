package io.jenkins.plugins.gitops.core.cluster;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach an API server: a kubeconfig file (and context), the pod's service account, or an
 * explicit server URL with a bearer token. A plain value with no client-library types, so the
 * plugin and the command line can build one; {@link #toString()} never shows the token.
 *
 * @param kubeconfig the kubeconfig file ({@link Mode#KUBECONFIG} only)
 * @param context the kubeconfig context, or empty for its current context
 * @param server the API server URL ({@link Mode#TOKEN} only)
 * @param token the bearer token ({@link Mode#TOKEN} only)
 * @param caData the server's CA certificate(s), PEM or base64 of PEM; empty to use the system's
 * @param insecure skip TLS verification of the server (test clusters only)
 * @param requestTimeout how long one request may take
 */
public record ClusterConnection(
        Mode mode,
        Path kubeconfig,
        String context,
        String server,
        String token,
        String caData,
        boolean insecure,
        Duration requestTimeout) {

    /** Where the credentials come from. */
    public enum Mode {
        KUBECONFIG,
        IN_CLUSTER,
        TOKEN
    }

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ClusterConnection {
        Objects.requireNonNull(mode, "mode");
        context = context == null ? "" : context;
        server = server == null ? "" : server;
        token = token == null ? "" : token;
        caData = caData == null ? "" : caData;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (mode == Mode.KUBECONFIG && kubeconfig == null) {
            throw new IllegalArgumentException("a kubeconfig connection needs a kubeconfig file");
        }
        if (mode == Mode.TOKEN && (server.isBlank() || token.isBlank())) {
            throw new IllegalArgumentException("a token connection needs a server URL and a token");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
    }

    /** The given kubeconfig file, with {@code context} or (when null or empty) its current context. */
    public static ClusterConnection kubeconfig(Path file, String context) {
        return new ClusterConnection(Mode.KUBECONFIG, file, context, "", "", "", false, null);
    }

    /** The service account of the pod this runs in. */
    public static ClusterConnection inCluster() {
        return new ClusterConnection(Mode.IN_CLUSTER, null, "", "", "", "", false, null);
    }

    /** An explicit server and bearer token; the system's trust store verifies the server. */
    public static ClusterConnection token(String server, String token) {
        return new ClusterConnection(Mode.TOKEN, null, "", server, token, "", false, null);
    }

    /**
     * What {@code kubectl} would use: the first file of {@code KUBECONFIG}; else the service account
     * when running in a pod ({@code KUBERNETES_SERVICE_HOST}); else {@code ~/.kube/config}.
     */
    public static ClusterConnection fromEnvironment(Map<String, String> env) {
        String kubeconfig = env.getOrDefault("KUBECONFIG", "");
        for (String entry : kubeconfig.split(File.pathSeparator, -1)) {
            if (!entry.isBlank()) {
                return kubeconfig(Path.of(entry.trim()), "");
            }
        }
        if (!env.getOrDefault("KUBERNETES_SERVICE_HOST", "").isBlank()) {
            return inCluster();
        }
        String home = env.getOrDefault("HOME", "");
        Path base = home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
        return kubeconfig(base.resolve(".kube").resolve("config"), "");
    }

    public ClusterConnection withContext(String value) {
        return new ClusterConnection(mode, kubeconfig, value, server, token, caData, insecure, requestTimeout);
    }

    public ClusterConnection withCaData(String value) {
        return new ClusterConnection(mode, kubeconfig, context, server, token, value, insecure, requestTimeout);
    }

    public ClusterConnection withInsecure(boolean value) {
        return new ClusterConnection(mode, kubeconfig, context, server, token, caData, value, requestTimeout);
    }

    public ClusterConnection withRequestTimeout(Duration value) {
        return new ClusterConnection(mode, kubeconfig, context, server, token, caData, insecure, value);
    }

    /** Where this connects to, for logs: no token and no certificate data. */
    @Override
    public String toString() {
        String where =
                switch (mode) {
                    case KUBECONFIG -> "kubeconfig " + kubeconfig + (context.isEmpty() ? "" : " context " + context);
                    case IN_CLUSTER -> "in-cluster service account";
                    case TOKEN -> server + " with token ****" + (insecure ? " (insecure)" : "");
                };
        return "ClusterConnection[" + where + ", timeout " + requestTimeout + "]";
    }
}
