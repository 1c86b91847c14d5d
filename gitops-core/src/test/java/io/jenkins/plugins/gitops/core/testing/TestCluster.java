package io.jenkins.plugins.gitops.core.testing;

import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cluster an integration test ({@code @Tag("integration")}) runs against: by default the
 * in-process {@link ApiEmulator} with its stand-in controllers on; with {@code
 * -Dgitops.cluster=kubeconfig} (what the {@code real-cluster} Maven profile sets) the cluster of
 * the kubeconfig — {@code -Dgitops.kubeconfig} and {@code -Dgitops.context} if given, else what
 * {@code kubectl} would use ({@code KUBECONFIG}, else {@code ~/.kube/config}). A real cluster must
 * be disposable: the tests create namespaces and CRDs there and leave them.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.start()) {
 *     engine = GitOps.engine(cache, run, null, cluster.client(), store);
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {

    /** The system property that chooses the cluster: {@code emulator} (default) or {@code kubeconfig}. */
    public static final String PROPERTY = "gitops.cluster";

    private final ApiEmulator emulator;
    private final Fabric8ClusterClient client;
    private final String description;

    private TestCluster(ApiEmulator emulator, Fabric8ClusterClient client, String description) {
        this.emulator = emulator;
        this.client = client;
        this.description = description;
    }

    /** Whether this run's integration tests go to a real cluster ({@code -Dgitops.cluster=kubeconfig}). */
    public static boolean isReal() {
        return mode().equals("kubeconfig");
    }

    /** Starts the emulator or connects to the kubeconfig's cluster, as {@link #PROPERTY} says. */
    public static TestCluster start() {
        String mode = mode();
        switch (mode) {
            case "emulator":
                ApiEmulator api = new ApiEmulator().readyWorkloads().start();
                return new TestCluster(
                        api, new Fabric8ClusterClient(api.client(), RetryPolicy.defaults()), "emulator " + api.url());
            case "kubeconfig":
                ClusterConnection connection = connection();
                if (!Files.isRegularFile(connection.kubeconfig())) {
                    throw new IllegalStateException("-D" + PROPERTY + "=kubeconfig, but there is no kubeconfig at "
                            + connection.kubeconfig() + " (set KUBECONFIG or -Dgitops.kubeconfig)");
                }
                return new TestCluster(
                        null,
                        Fabric8ClusterClient.connect(connection),
                        "kubeconfig " + connection.kubeconfig()
                                + (connection.context().isEmpty() ? "" : " context " + connection.context()));
            default:
                throw new IllegalStateException(
                        "-D" + PROPERTY + " must be emulator or kubeconfig, was '" + mode + "'");
        }
    }

    private static String mode() {
        String mode = System.getProperty(PROPERTY, "");
        return mode.isBlank() ? "emulator" : mode.trim();
    }

    private static ClusterConnection connection() {
        String file = System.getProperty("gitops.kubeconfig", "");
        String context = System.getProperty("gitops.context", "");
        ClusterConnection connection = file.isBlank()
                ? ClusterConnection.fromEnvironment(System.getenv())
                : ClusterConnection.kubeconfig(Path.of(file), "");
        if (connection.mode() != ClusterConnection.Mode.KUBECONFIG) {
            throw new IllegalStateException("-D" + PROPERTY + "=kubeconfig needs a kubeconfig; found " + connection);
        }
        return context.isBlank() ? connection : connection.withContext(context);
    }

    /** The engine's port to this cluster. */
    public Fabric8ClusterClient client() {
        return client;
    }

    /** The emulator, when this is one: for its request log, faults and store. */
    public Optional<ApiEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    public boolean isEmulator() {
        return emulator != null;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        client.close();
        if (emulator != null) {
            emulator.close();
        }
    }
}
