package io.jenkins.plugins.gitops.core.apply;

import java.util.Objects;

/**
 * How {@link ResourceManager#deleteAll} prunes.
 *
 * @param unitName the unit that must still own an object (its {@code gitops.jenkins.io/name} label)
 *     for it to be deleted
 * @param unitNamespace the unit's namespace ({@code gitops.jenkins.io/namespace})
 */
public record DeleteOptions(String unitName, String unitNamespace) {

    public DeleteOptions {
        unitName = Objects.requireNonNullElse(unitName, "");
        unitNamespace = Objects.requireNonNullElse(unitNamespace, "");
    }

    /** No unit yet: {@link ResourceManager#deleteAll} refuses to run until {@link #withUnit} names one. */
    public static DeleteOptions defaults() {
        return new DeleteOptions("", "");
    }

    public DeleteOptions withUnit(String name, String namespace) {
        return new DeleteOptions(name, namespace);
    }
}
