package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields one manager owns, as paths of {@code fieldsV1} keys: {@code f:<field>} for a field of
 * a map and {@code k:{"name":"<value>"}} for an element of a list keyed by name. A path is either
 * a leaf (a scalar, an atomic list or an empty map) or a keyed element itself (the {@code "."}
 * entry of {@code fieldsV1}). Maps are never owned themselves, only through their fields.
 *
 * <p>What belongs to a set: everything but {@code apiVersion}, {@code kind} and {@code status};
 * of {@code metadata} only the keys of {@code labels} and {@code annotations}.
 */
final class FieldSet {

    private final Set<List<String>> paths;

    private FieldSet(Set<List<String>> paths) {
        this.paths = paths;
    }

    static FieldSet empty() {
        return new FieldSet(new LinkedHashSet<>());
    }

    static FieldSet of(JsonNode object) {
        FieldSet set = empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("apiVersion") || name.equals("kind") || name.equals("status")) {
                continue;
            }
            if (name.equals("metadata")) {
                for (String owned : List.of("labels", "annotations")) {
                    JsonNode map = field.getValue().get(owned);
                    if (map != null && map.isObject()) {
                        map.fieldNames()
                                .forEachRemaining(
                                        key -> set.paths.add(List.of("f:metadata", "f:" + owned, "f:" + key)));
                    }
                }
                continue;
            }
            set.collect(field.getValue(), List.of("f:" + name));
        }
        return set;
    }

    private void collect(JsonNode value, List<String> path) {
        if (value.isObject() && !value.isEmpty()) {
            value.fields().forEachRemaining(f -> collect(f.getValue(), append(path, "f:" + f.getKey())));
        } else if (JsonTrees.isKeyedList(value)) {
            for (JsonNode element : value) {
                List<String> elementPath =
                        append(path, keyOf(element.get("name").asText()));
                paths.add(elementPath);
                element.fields().forEachRemaining(f -> collect(f.getValue(), append(elementPath, "f:" + f.getKey())));
            }
        } else {
            paths.add(path);
        }
    }

    static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        FieldSet set = empty();
        set.read(fieldsV1, List.of());
        return set;
    }

    private void read(JsonNode node, List<String> path) {
        if (!path.isEmpty() && (node.isEmpty() || node.has("."))) {
            paths.add(path);
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!key.equals(".")) {
                read(node.get(key), append(path, key));
            }
        });
    }

    /** The {@code fieldsV1} form: nested maps of keys, {@code {}} for a leaf, {@code ".": {}} for an owned node with children. */
    ObjectNode toFieldsV1() {
        ObjectNode root = JsonTrees.JSON.createObjectNode();
        for (List<String> path : paths) {
            ObjectNode node = root;
            for (String key : path) {
                node = node.has(key) ? (ObjectNode) node.get(key) : node.putObject(key);
            }
        }
        for (List<String> path : paths) {
            ObjectNode node = root;
            for (String key : path) {
                node = (ObjectNode) node.get(key);
            }
            if (!node.isEmpty() && !node.has(".")) {
                node.putObject(".");
            }
        }
        return sorted(root);
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode copy = JsonTrees.JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (String key : keys) {
            copy.set(key, sorted((ObjectNode) node.get(key)));
        }
        return copy;
    }

    Set<List<String>> paths() {
        return paths;
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    boolean contains(List<String> path) {
        return paths.contains(path);
    }

    /** Whether this set owns the path or anything below it. */
    boolean ownsWithin(List<String> path) {
        for (List<String> owned : paths) {
            if (owned.size() >= path.size() && owned.subList(0, path.size()).equals(path)) {
                return true;
            }
        }
        return false;
    }

    FieldSet copy() {
        return new FieldSet(new LinkedHashSet<>(paths));
    }

    void add(List<String> path) {
        paths.add(path);
    }

    void remove(List<String> path) {
        paths.remove(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.paths.equals(paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    static String keyOf(String name) {
        ObjectNode key = JsonTrees.JSON.createObjectNode();
        key.put("name", name);
        return "k:" + JsonTrees.write(key);
    }

    static boolean isElement(List<String> path) {
        return !path.isEmpty() && path.get(path.size() - 1).startsWith("k:");
    }

    /** The node at the path, or {@code null}. */
    static JsonNode resolve(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String key : path) {
            if (node == null) {
                return null;
            }
            node = step(node, key);
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String key) {
        if (key.startsWith("f:")) {
            return node.isObject() ? node.get(key.substring(2)) : null;
        }
        if (key.startsWith("k:") && node.isArray()) {
            String name = JsonTrees.parse(key.substring(2)).path("name").asText();
            return JsonTrees.elementNamed(node, name);
        }
        return null;
    }

    /** Removes the field or list element at the path; a no-op when it is not there. */
    static void remove(JsonNode root, List<String> path) {
        JsonNode parent = resolve(root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.startsWith("f:")) {
            object.remove(last.substring(2));
        } else if (parent instanceof ArrayNode array && last.startsWith("k:")) {
            JsonNode element = step(array, last);
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == element) {
                    array.remove(i);
                    return;
                }
            }
        }
    }

    /** {@code .spec.containers[name="web"].image}, as the real server prints field paths. */
    static String display(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String key : path) {
            if (key.startsWith("f:")) {
                text.append('.').append(key.substring(2));
            } else if (key.startsWith("k:")) {
                text.append("[name=\"")
                        .append(JsonTrees.parse(key.substring(2)).path("name").asText())
                        .append("\"]");
            }
        }
        return text.toString();
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return List.copyOf(longer);
    }
}
