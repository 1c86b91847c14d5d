package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a staged apply did: one {@link Change} per object it reached, the objects that failed, and
 * the refs of the objects now in the cluster for this unit. A failed apply still returns everything
 * done before and beside the failure.
 *
 * @param changes what happened to each object, in apply order
 * @param failures the objects that could not be applied, in the order they failed
 * @param applied the objects created, configured, left unchanged or skipped, in apply order
 */
public record ChangeSet(List<Change> changes, List<Failure> failures, List<ResourceRef> applied)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ChangeSet {
        changes = List.copyOf(changes);
        failures = List.copyOf(failures);
        applied = List.copyOf(applied);
    }

    public static ChangeSet empty() {
        return new ChangeSet(List.of(), List.of(), List.of());
    }

    /** True when no object failed. */
    public boolean ok() {
        return failures.isEmpty();
    }

    /** The first failure, if any. */
    public Optional<Failure> firstFailure() {
        return failures.stream().findFirst();
    }

    /** The applied objects in Flux's inventory form, sorted by id. */
    public List<InventoryEntry> inventory() {
        return ResourceManager.inventory(applied);
    }

    /** The entries that changed the cluster (created, configured, deleted). */
    public List<Change> changed() {
        return changes.stream()
                .filter(c ->
                        c.action() == Action.CREATED || c.action() == Action.CONFIGURED || c.action() == Action.DELETED)
                .toList();
    }

    /** This change set, or an {@link ApplyException} carrying it when an object failed. */
    public ChangeSet orThrow() {
        if (!ok()) {
            throw new ApplyException(this);
        }
        return this;
    }

    ChangeSet plus(ChangeSet other) {
        List<Change> c = new ArrayList<>(changes);
        c.addAll(other.changes);
        List<Failure> f = new ArrayList<>(failures);
        f.addAll(other.failures);
        List<ResourceRef> a = new ArrayList<>(applied);
        a.addAll(other.applied);
        return new ChangeSet(c, f, a);
    }

    /** One line per change, then one per failure. */
    @Override
    public String toString() {
        return java.util.stream.Stream.concat(
                        changes.stream().map(Change::toString),
                        failures.stream().map(f -> f.object() + " failed: " + f.message()))
                .collect(Collectors.joining("\n"));
    }
}
