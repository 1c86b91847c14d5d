package io.jenkins.plugins.gitops.core.fleet;

import java.util.Comparator;

/** A unit's identity as Flux writes it in {@code dependsOn}: namespace and name. */
public record UnitId(String namespace, String name) implements Comparable<UnitId> {

    private static final Comparator<UnitId> ORDER =
            Comparator.comparing(UnitId::namespace).thenComparing(UnitId::name);

    public UnitId {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    /** Reads {@code ns/name}; a bare {@code name} takes the given default namespace. */
    public static UnitId parse(String text, String defaultNamespace) {
        int slash = text.indexOf('/');
        return slash < 0
                ? new UnitId(defaultNamespace, text)
                : new UnitId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }

    @Override
    public int compareTo(UnitId other) {
        return ORDER.compare(this, other);
    }
}
