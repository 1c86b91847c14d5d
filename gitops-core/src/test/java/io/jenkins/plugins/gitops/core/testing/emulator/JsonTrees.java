package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/** JSON tree helpers shared by the emulator: parsing, value equality and deep merges. */
final class JsonTrees {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Numbers compare by value: YAML and JSON parsers may pick different node types for 1. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonTrees() {}

    static ObjectNode parseObject(String text, boolean yaml) {
        try {
            JsonNode node = (yaml ? YAML : JSON).readTree(text == null ? "" : text);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the request body must be an object");
            }
            // round-trip through JSON so YAML input ends up with the same node types as JSON
            return (ObjectNode) JSON.readTree(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("error decoding the request body: " + e.getOriginalMessage());
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("error decoding the request body: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || a.isMissingNode() || b == null || b.isMissingNode()) {
            return (a == null || a.isMissingNode()) && (b == null || b.isMissingNode());
        }
        return a.equals(BY_VALUE, b);
    }

    static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode node) {
            return node;
        }
        return object.putObject("metadata");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * A list whose elements are all objects with a string {@code name}: merged by that key, like the
     * real server's associative lists (containers, env, ports with names, volumes).
     */
    static boolean isKeyedList(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject() || !element.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    static JsonNode elementNamed(JsonNode list, String name) {
        for (JsonNode element : list) {
            if (name.equals(element.path("name").asText(null))) {
                return element;
            }
        }
        return null;
    }

    /**
     * Merges {@code patch} into {@code target}: objects recursively, a {@code null} removes the field,
     * lists replace unless {@code byName} and both sides are keyed lists (then elements merge by name).
     */
    static void merge(ObjectNode target, JsonNode patch, boolean byName) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current instanceof ObjectNode currentObject) {
                merge(currentObject, value, byName);
            } else if (byName && isKeyedList(value) && isKeyedList(current)) {
                mergeByName((ArrayNode) current, value);
            } else if (value.isObject()) {
                ObjectNode fresh = target.putObject(name);
                merge(fresh, value, byName);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeByName(ArrayNode current, JsonNode patch) {
        for (JsonNode element : patch) {
            JsonNode existing = elementNamed(current, element.get("name").asText());
            if (existing instanceof ObjectNode existingObject) {
                merge(existingObject, element, true);
            } else {
                ObjectNode fresh = current.addObject();
                merge(fresh, element, true);
            }
        }
    }
}
