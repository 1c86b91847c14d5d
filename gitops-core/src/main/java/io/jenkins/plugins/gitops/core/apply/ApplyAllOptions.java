package io.jenkins.plugins.gitops.core.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ResourceManager#applyAllStaged} applies a unit's objects.
 *
 * @param unitName the unit whose owner labels go on every object ({@code gitops.jenkins.io/name});
 *     empty to add no owner labels
 * @param unitNamespace the unit's namespace ({@code gitops.jenkins.io/namespace})
 * @param force recreate objects whose immutable fields changed ({@code spec.force})
 * @param decryption whether the unit configures SOPS decryption; only changes what the refusal of a
 *     still-encrypted Secret says, since such a Secret is never applied
 * @param waitTimeout how long to wait for the CustomResourceDefinitions of the first stage to be
 *     established
 */
public record ApplyAllOptions(
        String unitName, String unitNamespace, boolean force, boolean decryption, Duration waitTimeout) {

    public ApplyAllOptions {
        unitName = Objects.requireNonNullElse(unitName, "");
        unitNamespace = Objects.requireNonNullElse(unitNamespace, "");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
    }

    /** No owner labels, no force, no decryption, a minute for CRDs (Flux's default wait). */
    public static ApplyAllOptions defaults() {
        return new ApplyAllOptions("", "", false, false, Duration.ofMinutes(1));
    }

    public ApplyAllOptions withUnit(String name, String namespace) {
        return new ApplyAllOptions(name, namespace, force, decryption, waitTimeout);
    }

    public ApplyAllOptions withForce(boolean value) {
        return new ApplyAllOptions(unitName, unitNamespace, value, decryption, waitTimeout);
    }

    public ApplyAllOptions withDecryption(boolean value) {
        return new ApplyAllOptions(unitName, unitNamespace, force, value, waitTimeout);
    }

    public ApplyAllOptions withWaitTimeout(Duration value) {
        return new ApplyAllOptions(unitName, unitNamespace, force, decryption, value);
    }
}
