package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the objects a wait names: {@code [apiVersion:]Kind/namespace/name}, or {@code Kind/name}
 * for cluster-scoped objects. The API version may be left out for the common built-in kinds.
 */
final class ObjectRefs {

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("Pod", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("Namespace", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("CustomResourceDefinition", "apiextensions.k8s.io/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"));

    private ObjectRefs() {}

    static List<ResourceRef> parse(List<String> objects) {
        List<ResourceRef> refs = new ArrayList<>();
        for (String text : objects) {
            refs.add(parse(text));
        }
        return refs;
    }

    static ResourceRef parse(String text) {
        String t = text.trim();
        String apiVersion = null;
        int colon = t.indexOf(':');
        if (colon > 0) {
            apiVersion = t.substring(0, colon);
            t = t.substring(colon + 1);
        }
        String[] parts = t.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("cannot read the object '" + text
                    + "': write [apiVersion:]Kind/namespace/name, or Kind/name for cluster-scoped objects");
        }
        String kind = parts[0];
        if (apiVersion == null) {
            apiVersion = BUILT_IN.get(kind);
            if (apiVersion == null) {
                throw new IllegalArgumentException(
                        "the object '" + text + "' needs its API version: write " + "group/version:" + t);
            }
        }
        return parts.length == 3
                ? new ResourceRef(apiVersion, kind, parts[1], parts[2])
                : new ResourceRef(apiVersion, kind, null, parts[1]);
    }
}
