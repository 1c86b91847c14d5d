package io.jenkins.plugins.gitops.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers for the map/list/scalar trees that YAML and JSON decode into. */
public final class Trees {

    private Trees() {}

    /** The value at a path of map keys, if every step exists and is a map. */
    public static Optional<Object> get(Map<String, ?> tree, String... path) {
        Object current = tree;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    /** The scalar at a path, as a string, if present and not a map or list. */
    public static Optional<String> string(Map<String, ?> tree, String... path) {
        return get(tree, path)
                .filter(v -> !(v instanceof Map) && !(v instanceof List))
                .map(String::valueOf);
    }

    /** The map at a path, if present. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> map(Map<String, ?> tree, String... path) {
        return get(tree, path).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v);
    }

    /** The list at a path, or an empty list. */
    public static List<Object> list(Map<String, ?> tree, String... path) {
        return get(tree, path)
                .filter(List.class::isInstance)
                .map(v -> castList(v))
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object v) {
        return (List<Object>) v;
    }

    /** A deep copy whose maps and lists are unmodifiable; map order is kept. */
    public static Map<String, Object> freeze(Map<String, ?> tree) {
        return Collections.unmodifiableMap(freezeMap(tree));
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freezeValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** A deep copy made of {@link LinkedHashMap}s and {@link ArrayList}s. */
    public static Map<String, Object> mutableCopy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(k, mutableValue(v)));
        return copy;
    }

    private static Object mutableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mutableValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(mutableValue(v)));
            return copy;
        }
        return value;
    }
}
