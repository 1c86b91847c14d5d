package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.util.Map;

/**
 * Finds Secrets that are still SOPS-encrypted when they reach the apply step. Flux's {@code
 * decryptor.IsEncryptedSecret} looks for the top-level {@code sops} field of a {@code v1} Secret;
 * we also catch values of the form {@code ENC[AES256_GCM,...]} whose metadata was stripped.
 * Annotating {@code kustomize.toolkit.fluxcd.io/decrypt: disabled} opts out, as in Flux.
 */
final class SopsSecrets {

    private SopsSecrets() {}

    static boolean isEncrypted(Manifest m) {
        if (!"Secret".equals(m.kind()) || !"v1".equals(m.apiVersion())) {
            return false;
        }
        if (FluxAnnotations.has(m, FluxAnnotations.DECRYPT, FluxAnnotations.DISABLED)) {
            return false;
        }
        if (m.body().containsKey("sops")) {
            return true;
        }
        return hasEncryptedValue(Trees.map(m.body(), "data").orElse(Map.of()))
                || hasEncryptedValue(Trees.map(m.body(), "stringData").orElse(Map.of()));
    }

    private static boolean hasEncryptedValue(Map<String, Object> values) {
        return values.values().stream().anyMatch(v -> v instanceof String s && s.startsWith("ENC[AES256_GCM,"));
    }

    static String refusal(Manifest m, boolean decryptionConfigured) {
        String hint = decryptionConfigured
                ? "decryption is configured but did not decrypt it: check that the unit's decryption"
                        + " secret holds the key the file was encrypted with"
                : "configure decryption for the unit (spec.decryption.provider: sops with a"
                        + " secretRef holding the age or PGP key)";
        return m.id() + " is SOPS encrypted and was not applied: " + hint;
    }
}
