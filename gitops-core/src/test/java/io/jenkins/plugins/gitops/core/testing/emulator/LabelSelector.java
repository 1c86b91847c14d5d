package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector}: equality ({@code a=b}, {@code a==b}, {@code a!=b}) and set-based
 * ({@code a in (x,y)}, {@code a notin (x,y)}, {@code a}, {@code !a}) requirements, all of which must
 * hold. As on the real server, {@code !=} and {@code notin} also match objects without the label.
 */
final class LabelSelector {

    private enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        NOT_EXISTS
    }

    private record Requirement(String key, Operator operator, Set<String> values) {

        boolean matches(JsonNode labels) {
            JsonNode value = labels.get(key);
            boolean present = value != null && !value.isNull();
            return switch (operator) {
                case EXISTS -> present;
                case NOT_EXISTS -> !present;
                case IN -> present && values.contains(value.asText());
                case NOT_IN -> !present || !values.contains(value.asText());
            };
        }
    }

    private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
    private static final String VALUE = "([-A-Za-z0-9_.]*)";
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");
    private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*" + VALUE);
    private static final Pattern EXISTS = Pattern.compile("(!?)\\s*" + KEY);

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String selector) {
        List<Requirement> requirements = new ArrayList<>();
        if (selector != null) {
            for (String part : split(selector)) {
                String text = part.trim();
                if (!text.isEmpty()) {
                    requirements.add(requirement(text));
                }
            }
        }
        return new LabelSelector(requirements);
    }

    private static Requirement requirement(String text) {
        Matcher set = SET.matcher(text);
        if (set.matches()) {
            Set<String> values = Set.copyOf(List.of(set.group(3).split(",")).stream()
                    .map(String::trim)
                    .filter(v -> !v.isEmpty())
                    .toList());
            return new Requirement(set.group(1), set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN, values);
        }
        Matcher equals = EQUALS.matcher(text);
        if (equals.matches()) {
            Operator operator = equals.group(2).equals("!=") ? Operator.NOT_IN : Operator.IN;
            return new Requirement(equals.group(1), operator, Set.of(equals.group(3)));
        }
        Matcher exists = EXISTS.matcher(text);
        if (exists.matches()) {
            return new Requirement(
                    exists.group(2), exists.group(1).isEmpty() ? Operator.EXISTS : Operator.NOT_EXISTS, Set.of());
        }
        throw ApiError.badRequest("unable to parse requirement: " + text);
    }

    /** Splits on commas outside parentheses. */
    private static List<String> split(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    boolean matches(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        return requirements.stream().allMatch(r -> r.matches(labels));
    }
}
