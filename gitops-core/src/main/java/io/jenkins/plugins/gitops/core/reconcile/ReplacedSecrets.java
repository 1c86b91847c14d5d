package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier values of substituted secrets. When a Secret of {@code substituteFrom} changes, a
 * diff shows the live object with the old value beside the desired one with the new value; only
 * the new one was read, so the redactor would miss the old. Every live field in the place of a
 * desired field that holds a secret value is taken for an earlier secret value and registered.
 * Lists are matched by position.
 */
final class ReplacedSecrets {

    private ReplacedSecrets() {}

    /** Registers the live values where {@code desired} holds secret values; one GET, only when it holds any. */
    static void register(Manifest desired, ClusterClient cluster, SecretRedactor redactor) {
        if (redactor.isEmpty() || !holdsSecret(desired.body(), redactor)) {
            return;
        }
        Optional<Manifest> live;
        try {
            live = cluster.get(ResourceRef.of(desired));
        } catch (ClusterException e) {
            return; // the diff itself reads the object again and reports the problem
        }
        live.ifPresent(l -> registerAt(desired.body(), l.body(), redactor));
    }

    private static boolean holdsSecret(Object value, SecretRedactor redactor) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> holdsSecret(v, redactor));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> holdsSecret(v, redactor));
        }
        return value instanceof String text && !text.equals(redactor.redact(text));
    }

    private static void registerAt(Object desired, Object live, SecretRedactor redactor) {
        if (desired instanceof Map<?, ?> d && live instanceof Map<?, ?> l) {
            d.forEach((key, value) -> registerAt(value, l.get(key), redactor));
        } else if (desired instanceof List<?> d && live instanceof List<?> l) {
            for (int i = 0; i < Math.min(d.size(), l.size()); i++) {
                registerAt(d.get(i), l.get(i), redactor);
            }
        } else if (live != null && holdsSecret(desired, redactor)) {
            redactor.register(String.valueOf(live));
        }
    }
}
