package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which objects an {@link IgnoreRule} is for. As in Flux's {@code jsondiff.Selector} (after
 * kustomize), group, version, kind, name and namespace are regular expressions matched against the
 * whole value, so a plain name matches by equality; an empty field matches everything. The label
 * selector is equality-based: {@code app=web,tier!=db,env} (exists).
 */
public record TargetSelector(
        String group, String version, String kind, String name, String namespace, String labelSelector) {

    public static final TargetSelector ALL = new TargetSelector("", "", "", "", "", "");

    public TargetSelector {
        group = Objects.requireNonNullElse(group, "");
        version = Objects.requireNonNullElse(version, "");
        kind = Objects.requireNonNullElse(kind, "");
        name = Objects.requireNonNullElse(name, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        labelSelector = Objects.requireNonNullElse(labelSelector, "");
        for (String regex : new String[] {group, version, kind, name, namespace}) {
            Pattern.compile(regex);
        }
        parseLabels(labelSelector);
    }

    public static TargetSelector kind(String kind) {
        return ALL.withKind(kind);
    }

    public TargetSelector withKind(String value) {
        return new TargetSelector(group, version, value, name, namespace, labelSelector);
    }

    public TargetSelector withName(String value) {
        return new TargetSelector(group, version, kind, value, namespace, labelSelector);
    }

    public TargetSelector withNamespace(String value) {
        return new TargetSelector(group, version, kind, name, value, labelSelector);
    }

    public TargetSelector withLabelSelector(String value) {
        return new TargetSelector(group, version, kind, name, namespace, value);
    }

    /** Whether the selector matches the object. */
    public boolean matches(Manifest m) {
        String apiVersion = m.apiVersion();
        String objectVersion = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return full(group, m.group())
                && full(version, objectVersion)
                && full(kind, m.kind())
                && full(name, m.name())
                && full(namespace, m.namespace())
                && labelsMatch(m.labels());
    }

    private static boolean full(String regex, String value) {
        return regex.isEmpty() || Pattern.compile(regex).matcher(value).matches();
    }

    private boolean labelsMatch(Map<String, String> labels) {
        for (Map.Entry<String, String[]> req : parseLabels(labelSelector).entrySet()) {
            String op = req.getValue()[0];
            String actual = labels.get(req.getKey());
            boolean ok =
                    switch (op) {
                        case "exists" -> actual != null;
                        case "!exists" -> actual == null;
                        case "=" -> req.getValue()[1].equals(actual);
                        default -> !req.getValue()[1].equals(actual);
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String[]> parseLabels(String selector) {
        Map<String, String[]> result = new LinkedHashMap<>();
        if (selector.isBlank()) {
            return result;
        }
        for (String part : selector.split(",")) {
            String term = part.trim();
            int ne = term.indexOf("!=");
            int eq = term.indexOf('=');
            if (term.isEmpty()) {
                throw new IllegalArgumentException("empty term in label selector: " + selector);
            } else if (ne > 0) {
                result.put(
                        term.substring(0, ne).trim(),
                        new String[] {"!=", term.substring(ne + 2).trim()});
            } else if (eq > 0) {
                int valueStart = term.startsWith("==", eq) ? eq + 2 : eq + 1;
                result.put(
                        term.substring(0, eq).trim(),
                        new String[] {"=", term.substring(valueStart).trim()});
            } else if (term.startsWith("!")) {
                result.put(term.substring(1).trim(), new String[] {"!exists"});
            } else if (eq < 0) {
                result.put(term, new String[] {"exists"});
            } else {
                throw new IllegalArgumentException("not an equality-based label selector: " + selector);
            }
        }
        return result;
    }
}
