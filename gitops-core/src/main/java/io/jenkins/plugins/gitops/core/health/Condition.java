package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code status.conditions}, with absent fields read as empty strings. */
record Condition(String type, String status, String reason, String message) {

    /** The conditions in the order the object lists them; entries that are not maps are skipped. */
    static List<Condition> of(Manifest live) {
        List<Condition> result = new ArrayList<>();
        for (Object item : Trees.list(live.body(), "status", "conditions")) {
            if (item instanceof Map<?, ?> map) {
                result.add(new Condition(
                        text(map, "type"), text(map, "status"), text(map, "reason"), text(map, "message")));
            }
        }
        return result;
    }

    /** The first condition of a type. */
    static Optional<Condition> find(Manifest live, String type) {
        return of(live).stream().filter(c -> c.type.equals(type)).findFirst();
    }

    boolean isTrue() {
        return "True".equals(status);
    }

    boolean isFalse() {
        return "False".equals(status);
    }

    /** The message, else the reason, else {@code fallback}: what a person should read. */
    String explanation(String fallback) {
        if (!message.isEmpty()) {
            return message;
        }
        return reason.isEmpty() ? fallback : reason;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
