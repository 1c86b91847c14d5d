package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.fleet.Unit;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of a unit's {@code postBuild}: every ConfigMap and Secret of {@code
 * substituteFrom} read from the unit's namespace in order (a later one overrides an earlier one),
 * then {@code substitute} over them all, as kustomize-controller does. A missing source fails
 * unless it is {@code optional}. Values that come from Secrets are registered with the redactor,
 * decoded and base64-encoded, before anything else sees them.
 */
final class VariableResolver {

    private final ClusterClient cluster;
    private final SecretRedactor redactor;

    VariableResolver(ClusterClient cluster, SecretRedactor redactor) {
        this.cluster = cluster;
        this.redactor = redactor;
    }

    /**
     * @throws VariableException when a required ConfigMap or Secret is missing or cannot be read
     */
    Map<String, String> resolve(Unit unit) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String from : unit.substituteFrom()) {
            boolean optional = from.endsWith("?");
            String ref = optional ? from.substring(0, from.length() - 1) : from;
            int slash = ref.indexOf('/');
            String kind = ref.substring(0, slash);
            String name = ref.substring(slash + 1);
            String subject = kind + "/" + unit.id().namespace() + "/" + name;
            if (!kind.equals("ConfigMap") && !kind.equals("Secret")) {
                throw new VariableException(unit.describe() + ": postBuild.substituteFrom names " + subject
                        + "; only ConfigMap and Secret are supported");
            }
            Optional<Manifest> live;
            try {
                live = cluster.get(new ResourceRef("v1", kind, unit.id().namespace(), name));
            } catch (ClusterException e) {
                throw new VariableException(unit.describe() + ": cannot read " + subject
                        + " for postBuild.substituteFrom: " + e.getMessage());
            }
            if (live.isEmpty()) {
                if (optional) {
                    continue;
                }
                throw new VariableException(unit.describe() + ": " + subject
                        + " (postBuild.substituteFrom) not found — create it, or mark it optional: true");
            }
            read(live.get(), kind.equals("Secret"), variables);
        }
        variables.putAll(unit.substitute());
        return variables;
    }

    private void read(Manifest source, boolean secret, Map<String, String> into) {
        Trees.map(source.body(), "data")
                .ifPresent(data -> data.forEach((key, value) -> {
                    String text = value == null ? "" : String.valueOf(value);
                    if (secret) {
                        // The encoded form is as secret as the value: messages may quote a Secret's data.
                        redactor.register(text);
                        text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
                        redactor.register(text);
                    }
                    into.put(key, text);
                }));
        if (secret) {
            Trees.map(source.body(), "stringData")
                    .ifPresent(data -> data.forEach((key, value) -> {
                        String text = value == null ? "" : String.valueOf(value);
                        redactor.register(text);
                        redactor.register(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
                        into.put(key, text);
                    }));
        }
    }

    /** A {@code substituteFrom} source that cannot be read. Its message holds no values. */
    static final class VariableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VariableException(String message) {
            super(message);
        }
    }
}
