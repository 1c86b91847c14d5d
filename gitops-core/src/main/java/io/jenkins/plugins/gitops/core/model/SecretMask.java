package io.jenkins.plugins.gitops.core.model;

import java.util.Map;

/**
 * Hides the values of Secrets wherever objects are shown: every key of {@code data} and {@code
 * stringData} keeps its name, its value becomes {@link #MASK}.
 */
public final class SecretMask {

    /** What a hidden value looks like. */
    public static final String MASK = "*****";

    private SecretMask() {}

    /** The manifest with Secret values masked; any other kind unchanged. */
    public static Manifest mask(Manifest m) {
        if (!"Secret".equals(m.kind()) || !m.group().isEmpty()) {
            return m;
        }
        Map<String, Object> body = m.mutableCopy();
        for (String field : new String[] {"data", "stringData"}) {
            if (body.get(field) instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) values;
                typed.replaceAll((k, v) -> MASK);
            }
        }
        return new Manifest(body, m.origin());
    }
}
