package io.jenkins.plugins.gitops.core.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 6901 JSON pointers over map/list trees; only what ignore rules need: parse and remove. */
final class JsonPointer {

    private JsonPointer() {}

    /** The unescaped reference tokens of a pointer; {@code ""} is the whole document. */
    static List<String> parse(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer (must start with /): " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            // ~1 first, then ~0, as RFC 6901 section 4 says, so "~01" becomes "~1".
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /**
     * Removes what the pointer names from a mutable tree; a path that does not exist is left alone,
     * as an ignore rule for a field an object does not have is no error.
     */
    static void remove(Map<String, Object> tree, String pointer) {
        List<String> tokens = parse(pointer);
        if (tokens.isEmpty()) {
            tree.clear();
            return;
        }
        Object current = tree;
        for (int i = 0; i < tokens.size() - 1; i++) {
            current = child(current, tokens.get(i));
            if (current == null) {
                return;
            }
        }
        String last = tokens.get(tokens.size() - 1);
        if (current instanceof Map<?, ?> map) {
            map.remove(last);
        } else if (current instanceof List<?> list) {
            int index = index(last);
            if (index >= 0 && index < list.size()) {
                list.remove(index);
            }
        }
    }

    private static Object child(Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list) {
            int index = index(token);
            return index >= 0 && index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private static int index(String token) {
        if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 9) {
            return -1;
        }
        return Integer.parseInt(token);
    }
}
