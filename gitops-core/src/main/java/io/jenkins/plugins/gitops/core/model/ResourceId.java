package io.jenkins.plugins.gitops.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a Kubernetes object: group, kind, namespace (empty when cluster-scoped) and name.
 *
 * <p>{@link #toString()} gives the form people read ({@code Kind/namespace/name}); {@link
 * #inventoryId()} the form Flux stores in inventories ({@code <namespace>_<name>_<group>_<kind>}).
 */
public record ResourceId(String group, String kind, String namespace, String name) implements Comparable<ResourceId> {

    private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::group)
            .thenComparing(ResourceId::kind)
            .thenComparing(ResourceId::namespace)
            .thenComparing(ResourceId::name);

    public ResourceId {
        group = Objects.requireNonNullElse(group, "");
        kind = Objects.requireNonNull(kind, "kind");
        namespace = Objects.requireNonNullElse(namespace, "");
        name = Objects.requireNonNullElse(name, "");
    }

    /** Builds the id from an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
    public static ResourceId of(String apiVersion, String kind, String namespace, String name) {
        return new ResourceId(groupOf(apiVersion), kind, namespace, name);
    }

    /** The group part of an {@code apiVersion}; empty for the core group. */
    public static String groupOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Flux's inventory id: {@code <namespace>_<name>_<group>_<kind>}. */
    public String inventoryId() {
        return namespace + "_" + name + "_" + group + "_" + kind;
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    @Override
    public int compareTo(ResourceId other) {
        return ORDER.compare(this, other);
    }
}
