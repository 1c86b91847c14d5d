package io.jenkins.plugins.gitops.core.state;

import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import java.io.Serializable;
import java.util.List;

/**
 * What the next run needs to know about a unit: what it applied (to prune what left Git), and the
 * revision it was last Ready at (so a dependency that did not change need not run again).
 *
 * @param lastReadyRevision null when it has never been Ready
 */
public record UnitState(List<InventoryEntry> inventory, String lastAppliedRevision, String lastReadyRevision)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public UnitState {
        inventory = List.copyOf(inventory);
    }
}
