package io.jenkins.plugins.gitops.core.cluster.fabric8;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.ErrorTranslator.Subject;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ClusterClient} on fabric8's generic resources. Kinds are resolved through the server's
 * discovery (cached until {@link #refreshDiscovery()}); every request runs under the adapter's
 * {@link RetryPolicy}, with fabric8's own retries switched off.
 */
public final class Fabric8ClusterClient implements ClusterClient, AutoCloseable {

    private static final String ORIGIN = "cluster";

    private final KubernetesClient client;
    private final Retrier retrier;
    private final Discovery discovery;

    /**
     * Wraps a client built elsewhere (tests: the mock server). For {@code Retry-After} to be seen
     * and fabric8 not to retry on its own, build it through {@link #configure}.
     */
    public Fabric8ClusterClient(KubernetesClient client, RetryPolicy policy) {
        this.client = Objects.requireNonNull(client, "client");
        this.retrier = new Retrier(Objects.requireNonNull(policy, "policy"));
        this.discovery = new Discovery(client, retrier);
    }

    public static Fabric8ClusterClient connect(ClusterConnection connection) {
        return connect(connection, RetryPolicy.defaults());
    }

    public static Fabric8ClusterClient connect(ClusterConnection connection, RetryPolicy policy) {
        KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(Fabric8Config.from(connection));
        return new Fabric8ClusterClient(configure(builder).build(), policy);
    }

    /** Switches fabric8's retries off and installs what reads {@code Retry-After}. */
    public static KubernetesClientBuilder configure(KubernetesClientBuilder builder) {
        return builder.editOrNewConfig()
                .withRequestRetryBackoffLimit(0)
                .endConfig()
                .withHttpClientBuilderConsumer(http ->
                        http.addOrReplaceInterceptor(RetryAfterInterceptor.NAME, RetryAfterInterceptor.INSTANCE));
    }

    @Override
    public Manifest apply(Manifest desired, ApplyOptions options) {
        ResourceRef ref = ResourceRef.of(desired);
        Subject subject = subject(ref, options.dryRun() ? "apply (dry run)" : "apply");
        ApiResource kind = served(ref, subject);
        GenericKubernetesResource object = toResource(desired);
        GenericKubernetesResource applied = retrier.call(subject, () -> {
            Resource<GenericKubernetesResource> resource =
                    operation(kind, ref, subject).resource(object);
            ServerSideApplicable<GenericKubernetesResource> ssa =
                    (options.dryRun() ? resource.dryRun() : resource).fieldManager(options.fieldManager());
            return (options.force() ? ssa.forceConflicts() : ssa).serverSideApply();
        });
        return toManifest(applied);
    }

    @Override
    public Optional<Manifest> get(ResourceRef ref) {
        Subject subject = subject(ref, "get");
        ApiResource kind = served(ref, subject);
        GenericKubernetesResource live = retrier.call(
                subject,
                () -> operation(kind, ref, subject).withName(ref.name()).get());
        return Optional.ofNullable(live).map(this::toManifest);
    }

    @Override
    public boolean delete(ResourceRef ref) {
        Subject subject = subject(ref, "delete");
        Optional<ApiResource> kind = discovery.find(ref.apiVersion(), ref.kind());
        if (kind.isEmpty()) {
            return false; // a kind that is not served has no objects to delete
        }
        return retrier.call(subject, () -> !operation(kind.get(), ref, subject)
                .withName(ref.name())
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete()
                .isEmpty());
    }

    @Override
    public List<Manifest> list(String apiVersion, String kind, String namespace, Map<String, String> labels) {
        String ns = namespace == null ? "" : namespace;
        Subject subject = new Subject(apiVersion, kind, kind + (ns.isEmpty() ? "" : " in " + ns), "list");
        Optional<ApiResource> resource = discovery.find(apiVersion, kind);
        if (resource.isEmpty()) {
            return List.of();
        }
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                all = client.genericKubernetesResources(Discovery.context(resource.get()));
        GenericKubernetesResourceList list = retrier.call(subject, () -> {
            if (!resource.get().namespaced()) {
                return all.withLabels(labels).list();
            }
            return ns.isEmpty()
                    ? all.inAnyNamespace().withLabels(labels).list()
                    : all.inNamespace(ns).withLabels(labels).list();
        });
        return list.getItems().stream().map(this::toManifest).toList();
    }

    @Override
    public Optional<ApiResource> resource(String apiVersion, String kind) {
        return discovery.find(apiVersion, kind);
    }

    @Override
    public void refreshDiscovery() {
        discovery.clear();
    }

    /** Closes the fabric8 client, also one given to the constructor. */
    @Override
    public void close() {
        client.close();
    }

    private ApiResource served(ResourceRef ref, Subject subject) {
        return discovery
                .find(ref.apiVersion(), ref.kind())
                .orElseThrow(() -> ErrorTranslator.notServed(subject, ref.apiVersion(), null));
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            operation(ApiResource kind, ResourceRef ref, Subject subject) {
        var all = client.genericKubernetesResources(Discovery.context(kind));
        if (!kind.namespaced()) {
            return all;
        }
        if (ref.namespace().isEmpty()) {
            throw new ClusterException(
                    Reason.INVALID,
                    0,
                    subject.failed() + ": " + ref.kind() + " is namespaced but no namespace is set",
                    null);
        }
        return all.inNamespace(ref.namespace());
    }

    private static Subject subject(ResourceRef ref, String verb) {
        return new Subject(ref.apiVersion(), ref.kind(), ref.toString(), verb);
    }

    private GenericKubernetesResource toResource(Manifest manifest) {
        return client.getKubernetesSerialization().convertValue(manifest.body(), GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Manifest toManifest(GenericKubernetesResource resource) {
        Map<String, Object> body = client.getKubernetesSerialization().convertValue(resource, Map.class);
        return new Manifest(body, ORIGIN);
    }
}
