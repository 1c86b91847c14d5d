package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.ApplyAllOptions;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.apply.ChangeSet;
import io.jenkins.plugins.gitops.core.apply.DeleteOptions;
import io.jenkins.plugins.gitops.core.apply.DeleteResult;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.apply.DiffOptions;
import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.apply.ResourceManager;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.fleet.Unit;
import io.jenkins.plugins.gitops.core.fleet.UnitKind;
import io.jenkins.plugins.gitops.core.health.CelHealthCheck;
import io.jenkins.plugins.gitops.core.health.HealthChecks;
import io.jenkins.plugins.gitops.core.health.HealthReport;
import io.jenkins.plugins.gitops.core.health.HealthWaiter;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.health.WaitOptions;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.state.UnitState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What reconciling one unit means, as a sequence of small steps: check it can run, resolve its
 * variables, apply its objects in stages, prune what left Git, check health, record. Each step
 * either passes the unit on or ends it with a report; whatever was applied before a failure stays
 * in the report and in the inventory.
 */
final class UnitPipeline implements UnitWork {

    private final ClusterClient cluster;
    private final ResourceManager manager;
    private final boolean strictSubstitution;
    private final Map<String, UnitState> newStates = new ConcurrentHashMap<>();

    UnitPipeline(ClusterClient cluster, ResourceManager manager, boolean strictSubstitution) {
        this.cluster = cluster;
        this.manager = manager;
        this.strictSubstitution = strictSubstitution;
    }

    /** The state of every unit that ran, for the store. */
    Map<String, UnitState> newStates() {
        return Map.copyOf(newStates);
    }

    @Override
    public UnitReport run(PlannedUnit planned, RunContext context) {
        return new Run(planned, context).execute();
    }

    /** One unit's run: the steps share what the earlier ones found. */
    private final class Run {
        private final PlannedUnit planned;
        private final Unit unit;
        private final RunContext context;
        private final long start = System.nanoTime();
        private final List<Change> changes = new ArrayList<>();
        private final Set<InventoryEntry> inventory = new LinkedHashSet<>();
        private final List<ObjectHealth> health = new ArrayList<>();
        private final UnitState previous;
        private final Duration timeout;

        Run(PlannedUnit planned, RunContext context) {
            this.planned = planned;
            this.unit = planned.loaded().unit();
            this.context = context;
            this.previous = context.previous().unit(planned.id()).orElse(new UnitState(List.of(), null, null));
            this.timeout = Trees.string(unit.spec(), "timeout")
                    .map(GoDuration::parse)
                    .orElse(context.options().timeout());
        }

        UnitReport execute() {
            context.info(
                    id(),
                    "Progressing",
                    "reconciling " + unit.describe() + " at " + planned.loaded().revision());
            Optional<UnitReport> ended = checkBuild();
            if (ended.isPresent()) {
                return ended.get();
            }
            List<Manifest> objects;
            try {
                objects = resolveObjects();
            } catch (RuntimeException e) {
                return end(UnitStatus.FAILED, "BuildFailed", e.getMessage());
            }
            if (context.options().dryRun()) {
                return dryRun(objects);
            }
            ChangeSet applied = apply(objects);
            if (!applied.ok()) {
                // Nothing was pruned, so everything the unit owned before it still owns: failed objects,
                // those of stages not started, and stale ones that left Git. A later prune must find them.
                Set<String> kept =
                        inventory.stream().map(InventoryEntry::id).collect(java.util.stream.Collectors.toSet());
                previous.inventory().stream()
                        .filter(e -> !kept.contains(e.id()))
                        .forEach(inventory::add);
                return end(
                        UnitStatus.FAILED,
                        "ReconciliationFailed",
                        applied.firstFailure().orElseThrow().toString());
            }
            Optional<UnitReport> pruneFailure = prune();
            if (pruneFailure.isPresent()) {
                return pruneFailure.get();
            }
            return checkHealth(applied);
        }

        private String id() {
            return planned.id();
        }

        /** Units that cannot run as planned end here, with the plan's own reason. */
        private Optional<UnitReport> checkBuild() {
            if (unit.kind() == UnitKind.HELM_RELEASE) {
                return Optional.of(end(
                        UnitStatus.SKIPPED,
                        "Unsupported",
                        "HelmRelease units are planned but not applied by this version; apply the chart another way"));
            }
            if (planned.error() != null) {
                String reason = planned.error().contains("source") ? "ArtifactFailed" : "BuildFailed";
                if (planned.wave() == null) {
                    reason = "DependencyCycle";
                }
                inventory.addAll(previous.inventory());
                return Optional.of(end(UnitStatus.FAILED, reason, planned.error()));
            }
            return Optional.empty();
        }

        private List<Manifest> resolveObjects() {
            return UnitObjects.resolve(planned, cluster, context.redactor(), strictSubstitution);
        }

        private UnitReport dryRun(List<Manifest> objects) {
            DiffOptions options = DiffOptions.defaults()
                    .withUnit(unit.id().name(), unit.id().namespace())
                    .withForce(force());
            for (Manifest m : objects) {
                try {
                    Diff diff = manager.diff(m, options);
                    changes.add(new Change(diff.object(), diff.action()));
                    inventory.add(InventoryEntry.of(ResourceRef.of(m)));
                } catch (RuntimeException e) {
                    changes.add(new Change(
                            m.id().toString(),
                            Action.SKIPPED,
                            context.redactor().redact(e.getMessage())));
                }
            }
            if (prunes()) {
                for (InventoryEntry stale : ResourceManager.stale(previous.inventory(), List.copyOf(inventory))) {
                    changes.add(new Change(stale.resourceId().toString(), Action.DELETED, "would be pruned (dry run)"));
                }
            }
            long drifted =
                    changes.stream().filter(c -> c.action() != Action.UNCHANGED).count();
            return end(
                    UnitStatus.READY, "DryRunSucceeded", drifted + " of " + objects.size() + " objects would change");
        }

        private ChangeSet apply(List<Manifest> objects) {
            ApplyAllOptions options = ApplyAllOptions.defaults()
                    .withUnit(unit.id().name(), unit.id().namespace())
                    .withForce(force())
                    .withDecryption(Trees.map(unit.spec(), "decryption").isPresent())
                    .withWaitTimeout(timeout);
            ChangeSet result = manager.applyAllStaged(objects, options);
            changes.addAll(result.changes());
            inventory.addAll(result.inventory());
            long changed = result.changes().stream()
                    .filter(c -> c.action() != Action.UNCHANGED)
                    .count();
            context.info(
                    id(),
                    "Applied",
                    "applied " + result.applied().size() + " objects (" + changed + " changed)"
                            + (result.ok() ? "" : ", " + result.failures().size() + " failed"));
            return result;
        }

        private boolean force() {
            return Trees.string(unit.spec(), "force").map(Boolean::parseBoolean).orElse(false);
        }

        private boolean prunes() {
            Boolean override = context.options().prune();
            return override != null ? override : unit.prune();
        }

        private Optional<UnitReport> prune() {
            if (!prunes()) {
                return Optional.empty();
            }
            List<InventoryEntry> stale = ResourceManager.stale(previous.inventory(), List.copyOf(inventory));
            if (stale.isEmpty()) {
                return Optional.empty();
            }
            DeleteResult deleted = manager.deleteAll(
                    stale,
                    DeleteOptions.defaults()
                            .withUnit(unit.id().name(), unit.id().namespace()));
            changes.addAll(deleted.changes());
            inventory.addAll(deleted.survivingEntries());
            context.info(
                    id(), "Pruned", "pruned " + deleted.deleted().size() + " of " + stale.size() + " stale objects");
            if (!deleted.ok()) {
                return Optional.of(end(
                        UnitStatus.FAILED,
                        "PruneFailed",
                        deleted.survivors().get(0).toString()));
            }
            return Optional.empty();
        }

        private UnitReport checkHealth(ChangeSet applied) {
            List<ResourceRef> refs = healthTargets(applied);
            if (refs.isEmpty()) {
                return end(
                        UnitStatus.READY,
                        "ReconciliationSucceeded",
                        "applied revision " + planned.loaded().revision());
            }
            context.info(
                    id(),
                    "Progressing",
                    "waiting up to " + timeout.toSeconds() + " s for " + refs.size() + " objects to be healthy");
            HealthReport report;
            try {
                report = new HealthWaiter(cluster, healthChecks())
                        .waitFor(refs, WaitOptions.defaults().withTimeout(timeout));
            } catch (RuntimeException e) {
                return end(UnitStatus.FAILED, "HealthCheckFailed", e.getMessage());
            }
            health.addAll(report.objects());
            if (!report.isCurrent()) {
                return end(UnitStatus.FAILED, "HealthCheckFailed", report.summary());
            }
            return end(
                    UnitStatus.READY,
                    "ReconciliationSucceeded",
                    "applied revision " + planned.loaded().revision() + ", all healthy");
        }

        /** {@code spec.wait}: everything applied; otherwise {@code spec.healthChecks}, which may name other units' objects. */
        private List<ResourceRef> healthTargets(ChangeSet applied) {
            if (Trees.string(unit.spec(), "wait").map(Boolean::parseBoolean).orElse(false)) {
                return applied.applied();
            }
            List<ResourceRef> refs = new ArrayList<>();
            for (Object entry : Trees.list(unit.spec(), "healthChecks")) {
                if (entry instanceof Map<?, ?> check) {
                    refs.add(new ResourceRef(
                            String.valueOf(check.get("apiVersion")),
                            String.valueOf(check.get("kind")),
                            check.get("namespace") == null ? "" : String.valueOf(check.get("namespace")),
                            String.valueOf(check.get("name"))));
                }
            }
            return refs;
        }

        private HealthChecks healthChecks() {
            List<CelHealthCheck> expressions = new ArrayList<>();
            for (Object entry : Trees.list(unit.spec(), "healthCheckExprs")) {
                if (entry instanceof Map<?, ?> expr) {
                    expressions.add(CelHealthCheck.compile(
                            String.valueOf(expr.get("apiVersion")),
                            String.valueOf(expr.get("kind")),
                            text(expr.get("current")),
                            text(expr.get("inProgress")),
                            text(expr.get("failed"))));
                }
            }
            return expressions.isEmpty() ? HealthChecks.kstatus() : HealthChecks.withExpressions(expressions);
        }

        private String text(Object value) {
            return value == null ? null : String.valueOf(value);
        }

        private UnitReport end(UnitStatus status, String reason, String message) {
            if (status != UnitStatus.READY && Thread.currentThread().isInterrupted()) {
                // Stopped by an abort: what was applied so far is in the report, under the right name.
                status = UnitStatus.FAILED;
                reason = "Aborted";
                message = "the run was aborted: " + message;
            }
            String redacted = context.redactor().redact(message);
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            if (status == UnitStatus.READY) {
                context.info(id(), reason, "Ready in " + (durationMs / 1000) + " s: " + redacted);
            } else {
                context.warning(id(), reason, status + ": " + redacted);
            }
            List<InventoryEntry> finalInventory = inventory.stream().sorted().toList();
            if (!context.options().dryRun() && status != UnitStatus.SKIPPED) {
                String revision = planned.loaded().revision();
                newStates.put(
                        id(),
                        new UnitState(
                                finalInventory,
                                revision,
                                status == UnitStatus.READY ? revision : previous.lastReadyRevision()));
            }
            List<Change> redactedChanges = changes.stream()
                    .map(c -> c.message() == null
                            ? c
                            : new Change(
                                    c.object(), c.action(), context.redactor().redact(c.message())))
                    .toList();
            List<ObjectHealth> redactedHealth = health.stream()
                    .map(h -> new ObjectHealth(
                            h.object(), h.status(), context.redactor().redact(h.message())))
                    .toList();
            return new UnitReport(
                    id(),
                    unit.kind().kind(),
                    status,
                    reason,
                    redacted,
                    planned.loaded().revision(),
                    redactedChanges,
                    finalInventory.stream().map(InventoryEntry::id).toList(),
                    redactedHealth,
                    durationMs);
        }
    }
}
