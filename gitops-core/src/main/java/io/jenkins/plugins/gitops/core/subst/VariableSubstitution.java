package io.jenkins.plugins.gitops.core.subst;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;
import java.util.Map;

/** Placeholder until the substitution engine lands. */
public final class VariableSubstitution {
    private VariableSubstitution() {}

    public static List<Manifest> apply(List<Manifest> manifests, Map<String, String> variables, boolean strict) {
        return manifests;
    }
}
