package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code kustomize.toolkit.fluxcd.io/*} annotations the engine respects. Values compare without
 * regard to case, and a label with the same key counts too, as in Flux's {@code
 * utils.AnyInMetadata}.
 */
final class FluxAnnotations {

    static final String GROUP = "kustomize.toolkit.fluxcd.io";
    static final String SSA = GROUP + "/ssa";
    static final String FORCE = GROUP + "/force";
    static final String PRUNE = GROUP + "/prune";
    static final String RECONCILE = GROUP + "/reconcile";
    static final String DECRYPT = GROUP + "/decrypt";

    static final String IGNORE = "Ignore";
    static final String IF_NOT_PRESENT = "IfNotPresent";
    static final String MERGE = "Merge";
    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";

    private FluxAnnotations() {}

    static boolean has(Manifest m, String key, String value) {
        return m != null && (matches(m.annotations(), key, value) || matches(m.labels(), key, value));
    }

    private static boolean matches(Map<String, String> metadata, String key, String value) {
        String actual = metadata.get(key);
        return actual != null
                && !actual.isEmpty()
                && actual.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
    }
}
