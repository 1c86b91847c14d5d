package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Brings a live object and a dry-run result to forms that compare fairly. Follows Flux's {@code
 * hasDrifted} ({@code ssa/manager_diff.go}): labels and annotations count, the rest of {@code
 * metadata} and {@code status} do not; absent and empty maps are the same (Kubernetes' semantic
 * equality); numbers compare by value, whichever Java type the decoder chose.
 */
final class Normalizer {

    /** Fields the server sets; never worth showing in a diff. */
    private static final Set<String> SERVER_METADATA = Set.of(
            "managedFields",
            "resourceVersion",
            "generation",
            "uid",
            "creationTimestamp",
            "selfLink",
            "deletionTimestamp",
            "deletionGracePeriodSeconds");

    private Normalizer() {}

    /** What drift detection compares: everything but status, and of metadata only labels and annotations. */
    static Map<String, Object> forComparison(Map<String, Object> body, List<IgnoreRule> ignore, Manifest selectOn) {
        Map<String, Object> copy = Trees.mutableCopy(body);
        removeIgnored(copy, ignore, selectOn);
        Map<String, Object> metadata = Trees.map(copy, "metadata").orElse(Map.of());
        Map<String, Object> kept = new TreeMap<>();
        for (String field : new String[] {"labels", "annotations"}) {
            if (metadata.get(field) instanceof Map<?, ?> values && !values.isEmpty()) {
                kept.put(field, values);
            }
        }
        copy.remove("metadata");
        copy.remove("status");
        copy.put("metadata", kept);
        return canonical(copy);
    }

    /** What a diff shows: the object without server-set metadata and status, keys sorted. */
    static Map<String, Object> forDisplay(Map<String, Object> body, List<IgnoreRule> ignore, Manifest selectOn) {
        Map<String, Object> copy = Trees.mutableCopy(body);
        removeIgnored(copy, ignore, selectOn);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.keySet().removeAll(SERVER_METADATA);
            for (String field : new String[] {"labels", "annotations"}) {
                if (metadata.get(field) instanceof Map<?, ?> values && values.isEmpty()) {
                    metadata.remove(field);
                }
            }
        }
        return canonical(copy);
    }

    /**
     * Removes the fields of every rule whose target matches {@code selectOn}; Flux matches against
     * the dry-run object so both sides are stripped on the same decision.
     */
    static void removeIgnored(Map<String, Object> tree, List<IgnoreRule> ignore, Manifest selectOn) {
        for (IgnoreRule rule : ignore) {
            if (rule.target().matches(selectOn)) {
                rule.paths().forEach(path -> JsonPointer.remove(tree, path));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(Map<String, Object> map) {
        return (Map<String, Object>) canonicalValue(map);
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonicalValue(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(canonicalValue(v)));
            return copy;
        }
        if (value instanceof Number n) {
            return canonicalNumber(n);
        }
        return value;
    }

    private static Object canonicalNumber(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        BigDecimal decimal = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
            return stripped.longValue();
        }
        return stripped.doubleValue();
    }
}
