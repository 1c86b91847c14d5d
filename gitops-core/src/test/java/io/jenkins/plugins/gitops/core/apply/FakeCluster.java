package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A small in-memory API server for the resource manager's tests. Differences from a real one, on
 * purpose: apply (dry run or not) merges the applied object over the live one (maps merge, lists
 * and scalars are replaced) and never removes fields; no defaulting, no validation; a custom kind
 * is served once its CRD was read as established and discovery was refreshed.
 */
final class FakeCluster implements ClusterClient {

    private static final Set<String> BUILT_IN_GROUPS = Set.of(
            "",
            "apps",
            "batch",
            "policy",
            "autoscaling",
            "rbac.authorization.k8s.io",
            "apiextensions.k8s.io",
            "networking.k8s.io",
            "storage.k8s.io",
            "admissionregistration.k8s.io");

    private final Map<ResourceId, Map<String, Object>> objects = new LinkedHashMap<>();
    private final Map<String, Integer> establishAfterGets = new HashMap<>();
    private final Map<ResourceId, Integer> crdGets = new HashMap<>();
    private final Set<String> established = new HashSet<>();
    private final Set<String> served = new HashSet<>();
    private final Set<ResourceId> immutable = new HashSet<>();
    private final Set<ResourceId> failingDeletes = new HashSet<>();
    private final Set<ResourceId> failingApplies = new HashSet<>();
    private long resourceVersion = 100;

    /** Every write (apply, delete) in order: {@code apply Kind/ns/name}, {@code delete Kind/ns/name}. */
    final List<String> writes = new ArrayList<>();

    int dryRuns;
    int refreshes;
    ApplyOptions lastApplyOptions;

    /** Puts an object straight in, as another tool would have; not counted as a write. */
    FakeCluster existing(String yaml) {
        for (Manifest m : Yaml.readManifests(yaml, "existing")) {
            Map<String, Object> body = m.mutableCopy();
            metadata(body).put("resourceVersion", String.valueOf(++resourceVersion));
            metadata(body).put("uid", "uid-" + resourceVersion);
            objects.put(m.id(), body);
        }
        return this;
    }

    /** The CRD of that name reads as Established and NamesAccepted from its {@code gets}-th get on. */
    FakeCluster establishAfterGets(String crdName, int gets) {
        establishAfterGets.put(crdName, gets);
        return this;
    }

    /** Applying a change to this object fails with an immutable-field error. */
    FakeCluster immutable(String kind, String namespace, String name) {
        immutable.add(id(kind, namespace, name));
        return this;
    }

    FakeCluster failDelete(String kind, String namespace, String name) {
        failingDeletes.add(id(kind, namespace, name));
        return this;
    }

    /** Applying this object for real (not the dry run) fails as invalid. */
    FakeCluster failApply(String kind, String namespace, String name) {
        failingApplies.add(id(kind, namespace, name));
        return this;
    }

    Optional<Manifest> object(String kind, String namespace, String name) {
        return objects.entrySet().stream()
                .filter(e -> e.getKey().kind().equals(kind)
                        && e.getKey().namespace().equals(namespace)
                        && e.getKey().name().equals(name))
                .map(e -> new Manifest(e.getValue(), "fake"))
                .findFirst();
    }

    @Override
    public Manifest apply(Manifest desired, ApplyOptions options) {
        requireServed(desired.apiVersion(), desired.kind());
        lastApplyOptions = options;
        ResourceId id = desired.id();
        Map<String, Object> live = objects.get(id);
        Map<String, Object> merged = live == null ? new LinkedHashMap<>() : Trees.mutableCopy(live);
        merge(merged, desired.mutableCopy());
        if (live != null && immutable.contains(id) && !Objects.equals(live.get("spec"), merged.get("spec"))) {
            throw new ClusterException(Reason.IMMUTABLE_FIELD, 422, id + " is invalid: spec: field is immutable", null);
        }
        if (options.dryRun()) {
            dryRuns++;
            if (live == null) {
                metadata(merged).put("resourceVersion", "");
            }
            return new Manifest(merged, "dry-run");
        }
        if (failingApplies.contains(id)) {
            throw new ClusterException(Reason.INVALID, 422, id + " is invalid: admission denied", null);
        }
        metadata(merged).put("resourceVersion", String.valueOf(++resourceVersion));
        metadata(merged).putIfAbsent("uid", "uid-" + resourceVersion);
        metadata(merged).put("managedFields", List.of(Map.of("manager", options.fieldManager())));
        objects.put(id, merged);
        writes.add("apply " + id);
        return new Manifest(merged, "fake");
    }

    @Override
    public Optional<Manifest> get(ResourceRef ref) {
        requireServed(ref.apiVersion(), ref.kind());
        ResourceId id = ref.id();
        Map<String, Object> body = objects.get(id);
        if (body == null) {
            return Optional.empty();
        }
        if ("CustomResourceDefinition".equals(ref.kind())) {
            int gets = crdGets.merge(id, 1, Integer::sum);
            if (gets >= establishAfterGets.getOrDefault(ref.name(), 1)) {
                body.put(
                        "status",
                        Map.of(
                                "conditions",
                                List.of(
                                        Map.of("type", "NamesAccepted", "status", "True"),
                                        Map.of("type", "Established", "status", "True"))));
                established.add(servedKey(body));
            }
        }
        return Optional.of(new Manifest(body, "fake"));
    }

    @Override
    public boolean delete(ResourceRef ref) {
        ResourceId id = ref.id();
        if (failingDeletes.contains(id)) {
            throw new ClusterException(Reason.FORBIDDEN, 403, "admission webhook denied the delete of " + id, null);
        }
        boolean existed = objects.remove(id) != null;
        writes.add("delete " + id);
        return existed;
    }

    @Override
    public List<Manifest> list(String apiVersion, String kind, String namespace, Map<String, String> labels) {
        return objects.values().stream()
                .map(b -> new Manifest(b, "fake"))
                .filter(m -> m.kind().equals(kind)
                        && (namespace.isEmpty() || m.namespace().equals(namespace)))
                .filter(m -> m.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    @Override
    public Optional<ApiResource> resource(String apiVersion, String kind) {
        return isServed(apiVersion, kind)
                ? Optional.of(new ApiResource(apiVersion, kind, kind.toLowerCase(java.util.Locale.ROOT) + "s", true))
                : Optional.empty();
    }

    @Override
    public void refreshDiscovery() {
        refreshes++;
        served.addAll(established);
    }

    private void requireServed(String apiVersion, String kind) {
        if (!isServed(apiVersion, kind)) {
            throw new ClusterException(
                    Reason.KIND_NOT_SERVED,
                    404,
                    "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"",
                    null);
        }
    }

    private boolean isServed(String apiVersion, String kind) {
        String group = ResourceId.groupOf(apiVersion);
        return BUILT_IN_GROUPS.contains(group) || served.contains(group + "/" + kind);
    }

    private static String servedKey(Map<String, Object> crd) {
        return Trees.string(crd, "spec", "group").orElse("") + "/"
                + Trees.string(crd, "spec", "names", "kind").orElse("");
    }

    private static ResourceId id(String kind, String namespace, String name) {
        String group = BUILT_IN_GROUPS.contains(groupOfKind(kind)) ? groupOfKind(kind) : "";
        return new ResourceId(group, kind, namespace, name);
    }

    private static String groupOfKind(String kind) {
        return switch (kind) {
            case "Deployment", "StatefulSet" -> "apps";
            case "Job", "CronJob" -> "batch";
            case "CustomResourceDefinition" -> "apiextensions.k8s.io";
            case "ClusterRole", "Role" -> "rbac.authorization.k8s.io";
            default -> "";
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> body) {
        return (Map<String, Object>) body.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> source) {
        source.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sourceMap && target.get(k) instanceof Map<?, ?> targetMap) {
                merge((Map<String, Object>) targetMap, (Map<String, Object>) sourceMap);
            } else {
                target.put(k, v);
            }
        });
    }
}
