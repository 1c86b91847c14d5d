package io.jenkins.plugins.gitops.core.fleet;

import java.util.List;

/**
 * Something wrong with the fleet that does not stop the rest of it from being read and planned.
 *
 * @param units the ids of the units concerned ({@code namespace/name})
 */
public record Problem(Type type, String message, List<String> units) {

    public Problem {
        units = List.copyOf(units);
    }

    /** The kinds of problem; {@link #jsonName()} is the stable name in the JSON plan. */
    public enum Type {
        CYCLE("cycle"),
        MISSING_DEPENDENCY("missingDependency"),
        DUPLICATE("duplicate"),
        RENDER("render"),
        SOURCE("source");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
