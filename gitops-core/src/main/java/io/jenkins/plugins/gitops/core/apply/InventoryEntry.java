package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import java.io.Serializable;

/**
 * One object a unit applied, in Flux's inventory format: {@code id} is {@code
 * <namespace>_<name>_<group>_<kind>} and {@code v} the API version.
 */
public record InventoryEntry(String id, String v) implements Serializable, Comparable<InventoryEntry> {

    private static final long serialVersionUID = 1L;

    public static InventoryEntry of(ResourceRef ref) {
        return new InventoryEntry(ref.id().inventoryId(), ref.version());
    }

    /** Reads the id back into an object reference. */
    public ResourceRef ref() {
        String[] parts = id.split("_", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an inventory id: " + id);
        }
        String group = parts[2];
        return new ResourceRef(group.isEmpty() ? v : group + "/" + v, parts[3], parts[0], parts[1]);
    }

    public ResourceId resourceId() {
        return ref().id();
    }

    @Override
    public int compareTo(InventoryEntry other) {
        return id.compareTo(other.id);
    }
}
