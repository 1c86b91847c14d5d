package io.jenkins.plugins.gitops.core.cluster.fabric8;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.fabric8.ErrorTranslator.Subject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server serves, one group-version at a time ({@code /api/v1}, {@code /apis/g/v}), cached
 * until {@link #clear()}. A group-version the server does not list, or lists without kinds, falls
 * back to the kinds fabric8 knows as built-in, so servers without discovery for built-ins (the CRUD
 * mock answers every group-version with an empty list) still work; custom kinds stay unserved.
 */
final class Discovery {

    private final KubernetesClient client;
    private final Retrier retrier;
    private final Map<String, Optional<List<ApiResource>>> byGroupVersion = new ConcurrentHashMap<>();

    Discovery(KubernetesClient client, Retrier retrier) {
        this.client = client;
        this.retrier = retrier;
    }

    Optional<ApiResource> find(String apiVersion, String kind) {
        Optional<List<ApiResource>> served = byGroupVersion.get(apiVersion);
        if (served == null) {
            served = load(apiVersion);
            byGroupVersion.putIfAbsent(apiVersion, served);
        }
        if (served.isPresent() && !served.get().isEmpty()) {
            return served.get().stream().filter(r -> r.kind().equals(kind)).findFirst();
        }
        return builtIn(apiVersion, kind);
    }

    void clear() {
        byGroupVersion.clear();
    }

    private Optional<List<ApiResource>> load(String apiVersion) {
        Subject subject = new Subject(apiVersion, "", apiVersion, "discovery");
        APIResourceList list = retrier.call(subject, () -> client.getApiResources(apiVersion));
        if (list == null || list.getResources() == null) {
            return Optional.empty();
        }
        return Optional.of(list.getResources().stream()
                .filter(r -> r.getName() != null && !r.getName().contains("/"))
                .map(r -> toApiResource(apiVersion, r))
                .toList());
    }

    private static ApiResource toApiResource(String apiVersion, APIResource r) {
        return new ApiResource(apiVersion, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced()));
    }

    private Optional<ApiResource> builtIn(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type =
                client.getKubernetesSerialization().getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null) {
            return Optional.empty();
        }
        ResourceDefinitionContext context = ResourceDefinitionContext.fromResourceType(type);
        return Optional.of(new ApiResource(apiVersion, kind, context.getPlural(), context.isNamespaceScoped()));
    }

    /** The fabric8 view of a served kind, for its generic-resource operations. */
    static ResourceDefinitionContext context(ApiResource resource) {
        String apiVersion = resource.apiVersion();
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(slash < 0 ? apiVersion : apiVersion.substring(slash + 1))
                .withKind(resource.kind())
                .withPlural(resource.plural())
                .withNamespaced(resource.namespaced())
                .build();
    }
}
