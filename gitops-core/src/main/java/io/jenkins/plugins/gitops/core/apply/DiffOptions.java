package io.jenkins.plugins.gitops.core.apply;

import java.util.List;
import java.util.Objects;

/**
 * How {@link ResourceManager#diff} compares.
 *
 * @param unitName the unit whose owner labels the applied object would carry, so they show no drift
 * @param unitNamespace the unit's namespace
 * @param force whether an immutable-field change would be applied by recreating the object
 * @param ignore fields left out of the comparison, as Flux's {@code spec.ignore}
 * @param context lines of context around each change in the text diff
 */
public record DiffOptions(String unitName, String unitNamespace, boolean force, List<IgnoreRule> ignore, int context) {

    public DiffOptions {
        unitName = Objects.requireNonNullElse(unitName, "");
        unitNamespace = Objects.requireNonNullElse(unitNamespace, "");
        ignore = List.copyOf(Objects.requireNonNull(ignore, "ignore"));
        if (context < 0) {
            throw new IllegalArgumentException("context must not be negative: " + context);
        }
    }

    public static DiffOptions defaults() {
        return new DiffOptions("", "", false, List.of(), 3);
    }

    public DiffOptions withUnit(String name, String namespace) {
        return new DiffOptions(name, namespace, force, ignore, context);
    }

    public DiffOptions withForce(boolean value) {
        return new DiffOptions(unitName, unitNamespace, value, ignore, context);
    }

    public DiffOptions withIgnore(List<IgnoreRule> value) {
        return new DiffOptions(unitName, unitNamespace, force, value, context);
    }

    public DiffOptions withContext(int value) {
        return new DiffOptions(unitName, unitNamespace, force, ignore, value);
    }
}
