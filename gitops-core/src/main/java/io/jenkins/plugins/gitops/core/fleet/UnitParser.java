package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.render.KustomizeOverlays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Flux {@code Kustomization} or {@code HelmRelease} object into a {@link Unit}. */
final class UnitParser {

    private UnitParser() {}

    static Unit parse(Manifest m, UnitId parent) {
        UnitKind kind = FluxApi.isKustomization(m) ? UnitKind.KUSTOMIZATION : UnitKind.HELM_RELEASE;
        Map<String, Object> spec = Trees.map(m.body(), "spec").orElse(Map.of());
        UnitId id = new UnitId(m.namespace(), m.name());
        return new Unit(
                kind,
                id,
                m.apiVersion(),
                m.origin(),
                parent,
                dependencies(spec, id.namespace()),
                kind == UnitKind.KUSTOMIZATION ? kustomizationSource(spec, id) : chartSource(spec, id),
                kind == UnitKind.KUSTOMIZATION ? str(spec, "path", "") : null,
                kind == UnitKind.KUSTOMIZATION ? overlays(spec) : KustomizeOverlays.NONE,
                stringMap(Trees.map(spec, "postBuild", "substitute").orElse(Map.of())),
                substituteFrom(spec),
                bool(spec, "suspend", false),
                bool(spec, "prune", false),
                false,
                spec);
    }

    private static List<Dependency> dependencies(Map<String, Object> spec, String ownNamespace) {
        List<Dependency> result = new ArrayList<>();
        for (Object entry : Trees.list(spec, "dependsOn")) {
            if (entry instanceof Map<?, ?> raw) {
                Map<String, Object> dep = stringKeys(raw);
                String ns = str(dep, "namespace", "");
                result.add(new Dependency(
                        new UnitId(ns.isEmpty() ? ownNamespace : ns, str(dep, "name", "")),
                        Trees.string(dep, "kind").orElse(null)));
            }
        }
        return result;
    }

    private static ObjectRef kustomizationSource(Map<String, Object> spec, UnitId id) {
        return ref(Trees.map(spec, "sourceRef").orElse(Map.of()), id.namespace());
    }

    private static ObjectRef chartSource(Map<String, Object> spec, UnitId id) {
        var chartRef = Trees.map(spec, "chartRef");
        if (chartRef.isPresent()) {
            return ref(chartRef.get(), id.namespace());
        }
        return ref(Trees.map(spec, "chart", "spec", "sourceRef").orElse(Map.of()), id.namespace());
    }

    private static ObjectRef ref(Map<String, Object> ref, String defaultNamespace) {
        String ns = str(ref, "namespace", "");
        return new ObjectRef(str(ref, "kind", ""), ns.isEmpty() ? defaultNamespace : ns, str(ref, "name", ""));
    }

    /** The spec fields kustomize-controller writes into the kustomization file. */
    private static KustomizeOverlays overlays(Map<String, Object> spec) {
        return new KustomizeOverlays(
                Trees.string(spec, "targetNamespace").orElse(null),
                Trees.string(spec, "namePrefix").orElse(null),
                Trees.string(spec, "nameSuffix").orElse(null),
                maps(Trees.list(spec, "patches")),
                maps(Trees.list(spec, "images")),
                Trees.list(spec, "components").stream().map(String::valueOf).toList(),
                bool(spec, "ignoreMissingComponents", false),
                stringMap(Trees.map(spec, "commonMetadata", "labels").orElse(Map.of())),
                stringMap(Trees.map(spec, "commonMetadata", "annotations").orElse(Map.of())),
                Trees.list(spec, "buildMetadata").stream().map(String::valueOf).toList(),
                maps(Trees.list(spec, "patchesStrategicMerge")),
                maps(Trees.list(spec, "patchesJson6902")));
    }

    private static List<String> substituteFrom(Map<String, Object> spec) {
        List<String> result = new ArrayList<>();
        for (Map<String, Object> from : maps(Trees.list(spec, "postBuild", "substituteFrom"))) {
            result.add(
                    str(from, "kind", "") + "/" + str(from, "name", "") + (bool(from, "optional", false) ? "?" : ""));
        }
        return result;
    }

    private static List<Map<String, Object>> maps(List<Object> list) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> raw) {
                result.add(stringKeys(raw));
            }
        }
        return result;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw) {
        Map<String, Object> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(k, v == null ? "" : String.valueOf(v)));
        return result;
    }

    private static String str(Map<String, Object> map, String key, String fallback) {
        return Trees.string(map, key).orElse(fallback);
    }

    private static boolean bool(Map<String, Object> map, String key, boolean fallback) {
        return Trees.get(map, key)
                .map(v -> Boolean.parseBoolean(String.valueOf(v)))
                .orElse(fallback);
    }
}
