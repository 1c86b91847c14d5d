package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels that tie an object to the unit that applied it, so prune deletes only its own. */
final class OwnerLabels {

    static final String NAME = "gitops.jenkins.io/name";
    static final String NAMESPACE = "gitops.jenkins.io/namespace";

    private OwnerLabels() {}

    @SuppressWarnings("unchecked")
    static Manifest add(Manifest m, String unitName, String unitNamespace) {
        if (unitName.isEmpty()) {
            return m;
        }
        Map<String, Object> body = m.mutableCopy();
        Map<String, Object> metadata =
                (Map<String, Object>) body.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
        Object existing = metadata.get("labels");
        Map<String, Object> labels =
                existing instanceof Map<?, ?> ? (Map<String, Object>) existing : new LinkedHashMap<>();
        labels.put(NAME, unitName);
        labels.put(NAMESPACE, unitNamespace);
        metadata.put("labels", labels);
        return new Manifest(body, m.origin());
    }

    /** Whether the labels of a live object still name the unit. */
    static boolean ownedBy(Manifest live, String unitName, String unitNamespace) {
        Map<String, String> labels = live.labels();
        return unitName.equals(labels.get(NAME)) && unitNamespace.equals(labels.getOrDefault(NAMESPACE, ""));
    }

    static String describe(Manifest live) {
        Map<String, String> labels = live.labels();
        if (!labels.containsKey(NAME)) {
            return "it has no " + NAME + " label";
        }
        return "its owner labels name " + labels.get(NAMESPACE) + "/" + labels.get(NAME);
    }
}
