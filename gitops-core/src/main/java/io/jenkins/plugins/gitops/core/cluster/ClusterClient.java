package io.jenkins.plugins.gitops.core.cluster;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the engine talks to a Kubernetes API server. The fabric8 adapter lives in
 * {@code cluster.fabric8}; tests use the API emulator or fakes. Implementations retry what is
 * retryable (429, 5xx, connection errors) themselves and throw {@link ClusterException} for the
 * rest; they are safe for concurrent use.
 */
public interface ClusterClient {

    /**
     * Server-side apply of {@code desired} (a PATCH with {@code application/apply-patch+yaml}).
     *
     * @return the object as the server has it afterwards (or would, with {@code dryRun})
     */
    Manifest apply(Manifest desired, ApplyOptions options);

    /** The live object, or empty when it does not exist. */
    Optional<Manifest> get(ResourceRef ref);

    /**
     * Deletes an object with background propagation.
     *
     * @return false when it did not exist
     */
    boolean delete(ResourceRef ref);

    /**
     * Objects of a kind whose labels match every given label exactly.
     *
     * @param namespace a namespace, or empty for all namespaces (and for cluster-scoped kinds)
     */
    List<Manifest> list(String apiVersion, String kind, String namespace, Map<String, String> labels);

    /** What discovery says of a kind; empty when the server does not serve it now. */
    Optional<ApiResource> resource(String apiVersion, String kind);

    /** Forgets what discovery said, so kinds of newly established CRDs are seen. */
    void refreshDiscovery();
}
