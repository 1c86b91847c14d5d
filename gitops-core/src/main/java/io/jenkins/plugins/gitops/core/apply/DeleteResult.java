package io.jenkins.plugins.gitops.core.apply;

import java.io.Serializable;
import java.util.List;

/**
 * What a prune did: objects deleted or skipped (with the reason), and the survivors whose delete
 * failed. Survivors stay in the inventory so the next run tries again; skipped objects are settled
 * opt-outs and leave it.
 */
public record DeleteResult(List<Change> changes, List<Failure> survivors) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DeleteResult {
        changes = List.copyOf(changes);
        survivors = List.copyOf(survivors);
    }

    public boolean ok() {
        return survivors.isEmpty();
    }

    /** The survivors in inventory form, sorted, to merge back into the unit's inventory. */
    public List<InventoryEntry> survivingEntries() {
        return ResourceManager.inventory(survivors.stream().map(Failure::ref).toList());
    }

    public List<Change> deleted() {
        return changes.stream().filter(c -> c.action() == Action.DELETED).toList();
    }
}
