package io.jenkins.plugins.gitops.core.subst;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.ManifestException;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flux's {@code postBuild} step over rendered manifests.
 *
 * <p>Like kustomize-controller, each object is written out as YAML, expanded as one text and read
 * back: so an unquoted {@code replicas: ${r}} becomes the integer 3, and the read-back follows Flux's
 * YAML 1.1 decoder, where a value {@code yes} becomes {@code true}. Objects labelled or annotated
 * {@code kustomize.toolkit.fluxcd.io/substitute: disabled} are left alone. With no variables at all
 * Flux does not substitute, so defaults and {@code $$} escapes then stay as written.
 */
public final class VariableSubstitution {

    /** Flux's rule, {@code ^[_[:alpha:]][_[:alpha:][:digit:]]*$}; POSIX classes are ASCII in Go. */
    public static final String NAME_RULE = "^[_[:alpha:]][_[:alpha:][:digit:]]*$";

    static final String OPT_OUT_KEY = "kustomize.toolkit.fluxcd.io/substitute";

    private static final Pattern VALID_NAME = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");

    private VariableSubstitution() {}

    /**
     * Substitutes {@code variables} into every object that has not opted out.
     *
     * @param strict fail on a variable that is unset and has no default, instead of reading it as empty
     * @throws SubstitutionException naming the object, its file and the variable at fault
     */
    public static List<Manifest> apply(List<Manifest> manifests, Map<String, String> variables, boolean strict) {
        if (variables.isEmpty()) {
            return List.copyOf(manifests);
        }
        Envsubst envsubst = new Envsubst(checkedValues(variables), strict);
        List<Manifest> result = new ArrayList<>(manifests.size());
        for (Manifest manifest : manifests) {
            result.add(isOptedOut(manifest) ? manifest : substitute(manifest, envsubst));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The variables an object refers to, nested defaults included, in order of appearance; empty
     * when it opted out. Text that does not parse is skipped here; {@link #apply} reports it.
     */
    public static Set<String> referencedVariables(Manifest manifest) {
        Set<String> names = new LinkedHashSet<>();
        if (!isOptedOut(manifest)) {
            collectReferences(manifest.body(), names);
        }
        return Collections.unmodifiableSet(names);
    }

    public static boolean isOptedOut(Manifest manifest) {
        return "disabled".equals(manifest.labels().get(OPT_OUT_KEY))
                || "disabled".equals(manifest.annotations().get(OPT_OUT_KEY));
    }

    /** Validates names and, as Flux does when loading them, drops line feeds from values. */
    private static Map<String, String> checkedValues(Map<String, String> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (name == null || !VALID_NAME.matcher(name).matches()) {
                throw new SubstitutionException(
                        "",
                        "",
                        String.valueOf(name),
                        "postBuild variable \"" + name + "\" has an invalid name: it must match " + NAME_RULE
                                + " — rename it in postBuild.substitute or in the ConfigMap/Secret it comes from",
                        null);
            }
            values.put(name, value == null ? "" : value.replace("\n", ""));
        });
        return values;
    }

    private static Manifest substitute(Manifest manifest, Envsubst envsubst) {
        String text = Yaml.write(manifest.body(), GoYamlScalars::resolve);
        String expanded;
        try {
            expanded = envsubst.expand(text);
        } catch (EnvsubstException e) {
            throw failure(manifest, e.variable(), describe(e), e);
        }
        return new Manifest(readBack(manifest, expanded), manifest.origin());
    }

    private static String describe(EnvsubstException e) {
        if (!e.variable().isEmpty()) {
            return "variable \"" + e.variable() + "\" is not set (strict mode) — set it in postBuild.substitute"
                    + " or give a default: ${" + e.variable() + ":=value}";
        }
        return e.getMessage() + " — fix the ${...} expression, or write a literal ${ as $${";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readBack(Manifest manifest, String expanded) {
        List<Object> docs;
        try {
            docs = Yaml.readDocuments(expanded, "substituted YAML", GoYamlScalars::resolve);
        } catch (ManifestException e) {
            throw notYaml(manifest, e.getMessage(), e);
        }
        if (docs.size() != 1 || !(docs.get(0) instanceof Map)) {
            throw notYaml(manifest, "it is not a single mapping", null);
        }
        try {
            return (Map<String, Object>) JsonRoundTrip.normalise(docs.get(0));
        } catch (IllegalArgumentException e) {
            throw notYaml(manifest, e.getMessage(), e);
        }
    }

    private static SubstitutionException notYaml(Manifest manifest, String problem, Throwable cause) {
        Set<String> used = referencedVariables(manifest);
        String variable = used.size() == 1 ? used.iterator().next() : "";
        return failure(
                manifest,
                variable,
                "the result is no longer a valid object (" + problem + ") — check the values of "
                        + String.join(", ", used)
                        + "; in an unquoted YAML value, ': ', ' #' or a leading '*', '&', '!', '[' or '{' change its meaning",
                cause);
    }

    private static SubstitutionException failure(Manifest manifest, String variable, String detail, Throwable cause) {
        String origin = manifest.origin();
        String message = manifest.id() + " postBuild substitution failed"
                + (origin.isEmpty() ? "" : " (" + origin + ")") + ": " + detail;
        return new SubstitutionException(manifest.id().toString(), origin, variable, message, cause);
    }

    private static void collectReferences(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collectReferences(k, names);
                collectReferences(v, names);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectReferences(v, names));
        } else if (node instanceof String text && text.contains("$")) {
            try {
                names.addAll(Envsubst.referencedVariables(text));
            } catch (EnvsubstException e) {
                // Reported with its object by apply(); a listing must not fail on it.
            }
        }
    }
}
