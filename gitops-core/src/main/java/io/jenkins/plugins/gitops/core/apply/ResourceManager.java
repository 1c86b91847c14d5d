package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.ApplyOrder;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import io.jenkins.plugins.gitops.core.model.SecretMask;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies, diffs and prunes a unit's objects through a {@link ClusterClient}, the way Flux's {@code
 * ssa.ResourceManager} does: staged server-side apply with a dry run first, so objects that have not
 * drifted are never written; Flux's {@code kustomize.toolkit.fluxcd.io} annotations; owner labels;
 * prune only of what the unit still owns. One verb per method, one options record per verb.
 *
 * <p>Nothing done is ever lost: a failing object is recorded in the result next to everything that
 * succeeded, and only the following stages are given up.
 */
public final class ResourceManager {

    private static final Comparator<ResourceRef> APPLY_ORDER = Comparator.comparingInt(
                    (ResourceRef r) -> ApplyOrder.rank(r.kind()))
            .thenComparing(ResourceRef::id);

    private final ClusterClient client;
    private final ManagerOptions options;

    public ResourceManager(ClusterClient client, ManagerOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    // ---- applyAllStaged -------------------------------------------------------------------------

    /**
     * Applies objects in Flux's stages: CustomResourceDefinitions, Namespaces and ClusterRoles
     * first, waiting until every CRD is Established and NamesAccepted; then the {@code *Class}
     * kinds; then the rest, each stage in {@link ApplyOrder}. Within a stage every object is dry-run
     * first; only those whose dry-run result differs from the live object are applied.
     *
     * <p>A failing object does not stop the others of its stage, but no later stage is started. A
     * still-encrypted SOPS Secret stops everything before the first write, as in Flux.
     *
     * @return what was done and what failed; {@link ChangeSet#orThrow()} turns failures into an
     *     {@link ApplyException}
     */
    public ChangeSet applyAllStaged(List<Manifest> objects, ApplyAllOptions opts) {
        List<Manifest> sorted = ApplyOrder.sort(objects).stream()
                .map(m -> OwnerLabels.add(m, opts.unitName(), opts.unitNamespace()))
                .toList();
        List<Failure> encrypted = sorted.stream()
                .filter(SopsSecrets::isEncrypted)
                .map(m -> new Failure(ResourceRef.of(m), SopsSecrets.refusal(m, opts.decryption())))
                .toList();
        if (!encrypted.isEmpty()) {
            return new ChangeSet(List.of(), encrypted, List.of());
        }
        List<Manifest> definitions = new ArrayList<>();
        List<Manifest> classes = new ArrayList<>();
        List<Manifest> rest = new ArrayList<>();
        for (Manifest m : sorted) {
            if (isClusterDefinition(m)) {
                definitions.add(m);
            } else if (m.kind().endsWith("Class")) {
                classes.add(m);
            } else {
                rest.add(m);
            }
        }
        ChangeSet result = ChangeSet.empty();
        if (!definitions.isEmpty()) {
            ChangeSet stage = applyStage(definitions, opts);
            result = result.plus(stage);
            if (!stage.ok()) {
                return result;
            }
            List<ResourceRef> crds = stageCrds(definitions, stage);
            if (!crds.isEmpty()) {
                List<Failure> notReady = waitForEstablished(crds, opts.waitTimeout());
                if (!notReady.isEmpty()) {
                    return result.plus(new ChangeSet(List.of(), notReady, List.of()));
                }
                client.refreshDiscovery();
            }
        }
        for (List<Manifest> next : List.of(classes, rest)) {
            if (next.isEmpty()) {
                continue;
            }
            ChangeSet stage = applyStage(next, opts);
            result = result.plus(stage);
            if (!stage.ok()) {
                return result;
            }
        }
        return result;
    }

    /** Flux's {@code utils.IsClusterDefinition}: CRDs, Namespaces and ClusterRoles. */
    static boolean isClusterDefinition(Manifest m) {
        return isCrd(m)
                || ("Namespace".equals(m.kind()) && "v1".equals(m.apiVersion()))
                || ("ClusterRole".equals(m.kind()) && m.apiVersion().startsWith("rbac.authorization.k8s.io/"));
    }

    private static boolean isCrd(Manifest m) {
        return "CustomResourceDefinition".equals(m.kind()) && m.apiVersion().startsWith("apiextensions.k8s.io/");
    }

    /** What the dry run of one object decided. */
    private record Planned(int slot, Manifest desired, Action action, String message) {}

    private ChangeSet applyStage(List<Manifest> stage, ApplyAllOptions opts) {
        Change[] slots = new Change[stage.size()];
        List<Failure> failures = new ArrayList<>();
        List<Planned> toApply = new ArrayList<>();
        for (int i = 0; i < stage.size(); i++) {
            Manifest m = stage.get(i);
            try {
                Object decision = plan(i, m, opts);
                if (decision instanceof Change change) {
                    slots[i] = change;
                } else {
                    toApply.add((Planned) decision);
                }
            } catch (ObjectFailed e) {
                failures.add(new Failure(ResourceRef.of(m), e.getMessage()));
            }
        }
        for (Planned p : toApply) {
            try {
                slots[p.slot()] = applyForReal(p, opts);
            } catch (ObjectFailed e) {
                failures.add(new Failure(ResourceRef.of(p.desired()), e.getMessage()));
            }
        }
        List<Change> changes = new ArrayList<>();
        List<ResourceRef> applied = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                changes.add(slots[i]);
                applied.add(ResourceRef.of(stage.get(i)));
            }
        }
        return new ChangeSet(changes, failures, applied);
    }

    /** A {@link Change} when the object needs no write, else a {@link Planned} apply. */
    private Object plan(int slot, Manifest m, ApplyAllOptions opts) {
        ResourceRef ref = ResourceRef.of(m);
        Optional<Manifest> live = get(ref, "dry-run");
        Optional<String> skip = skipReason(m, live.orElse(null));
        if (skip.isPresent()) {
            return new Change(ref.toString(), Action.SKIPPED, skip.get());
        }
        Manifest dryRun;
        boolean recreated = false;
        try {
            dryRun = client.apply(m, applyOptions(true));
        } catch (ClusterException e) {
            if (e.reason() != Reason.IMMUTABLE_FIELD || live.isEmpty() || !shouldForce(m, live.get(), opts.force())) {
                throw new ObjectFailed(describe(m, "dry-run", e));
            }
            recreate(ref, opts.waitTimeout());
            live = Optional.empty();
            recreated = true;
            try {
                dryRun = client.apply(m, applyOptions(true));
            } catch (ClusterException again) {
                throw new ObjectFailed(describe(m, "dry-run", again));
            }
        }
        if (live.isPresent() && !drifted(live.get(), dryRun, List.of())) {
            return new Change(ref.toString(), Action.UNCHANGED);
        }
        return new Planned(
                slot,
                m,
                live.isEmpty() ? Action.CREATED : Action.CONFIGURED,
                recreated ? "recreated: an immutable field changed" : null);
    }

    private Change applyForReal(Planned p, ApplyAllOptions opts) {
        Manifest m = p.desired();
        ResourceRef ref = ResourceRef.of(m);
        try {
            client.apply(m, applyOptions(false));
            return new Change(ref.toString(), p.action(), p.message());
        } catch (ClusterException e) {
            // The dry run passed, but the object may have changed since; treat it the same way.
            if (e.reason() == Reason.IMMUTABLE_FIELD && shouldForce(m, null, opts.force())) {
                recreate(ref, opts.waitTimeout());
                try {
                    client.apply(m, applyOptions(false));
                } catch (ClusterException again) {
                    throw new ObjectFailed(describe(m, "apply", again));
                }
                return new Change(ref.toString(), Action.CREATED, "recreated: an immutable field changed");
            }
            throw new ObjectFailed(describe(m, "apply", e));
        }
    }

    /**
     * Flux's {@code shouldSkipApply}: {@code reconcile: disabled} or {@code ssa: Ignore} on the
     * desired or the live object; {@code ssa: IfNotPresent} on the desired object when it exists.
     * {@code ssa: Merge} is not a skip: in Flux it only exempts the object from the metadata
     * cleanup, which this engine does not do, so it is applied like any other.
     */
    private static Optional<String> skipReason(Manifest desired, Manifest live) {
        for (Manifest m : new Manifest[] {desired, live}) {
            if (FluxAnnotations.has(m, FluxAnnotations.RECONCILE, FluxAnnotations.DISABLED)) {
                return Optional.of(FluxAnnotations.RECONCILE + ": " + FluxAnnotations.DISABLED);
            }
            if (FluxAnnotations.has(m, FluxAnnotations.SSA, FluxAnnotations.IGNORE)) {
                return Optional.of(FluxAnnotations.SSA + ": " + FluxAnnotations.IGNORE);
            }
        }
        if (live != null && FluxAnnotations.has(desired, FluxAnnotations.SSA, FluxAnnotations.IF_NOT_PRESENT)) {
            return Optional.of(FluxAnnotations.SSA + ": " + FluxAnnotations.IF_NOT_PRESENT + " and it exists");
        }
        return Optional.empty();
    }

    /** Flux's {@code shouldForceApply}: {@code spec.force}, or the force annotation on either object. */
    private static boolean shouldForce(Manifest desired, Manifest live, boolean force) {
        return force
                || FluxAnnotations.has(desired, FluxAnnotations.FORCE, FluxAnnotations.ENABLED)
                || FluxAnnotations.has(live, FluxAnnotations.FORCE, FluxAnnotations.ENABLED);
    }

    /** Deletes an object and waits until it is gone (finalizers may hold it for a while). */
    private void recreate(ResourceRef ref, Duration timeout) {
        try {
            client.delete(ref);
        } catch (ClusterException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                throw new ObjectFailed(ref + " has an immutable field change; deleting it to recreate it failed ("
                        + reasonWord(e) + "): " + e.getMessage());
            }
        }
        boolean gone = poll(timeout, () -> get(ref, "recreate").isEmpty());
        if (!gone) {
            throw new ObjectFailed(ref + " was deleted to be recreated (immutable field change) but still exists after "
                    + human(timeout) + "; check its finalizers");
        }
    }

    private ApplyOptions applyOptions(boolean dryRun) {
        // Forced ownership for every object, as Flux does (client.ForceOwnership), Merge included.
        return new ApplyOptions(options.fieldManager(), true, dryRun);
    }

    /** Flux's {@code hasDrifted}: labels, annotations and everything but metadata and status. */
    static boolean drifted(Manifest live, Manifest dryRun, List<IgnoreRule> ignore) {
        return !Normalizer.forComparison(live.body(), ignore, dryRun)
                .equals(Normalizer.forComparison(dryRun.body(), ignore, dryRun));
    }

    private List<ResourceRef> stageCrds(List<Manifest> definitions, ChangeSet stage) {
        Set<String> skipped = stage.changes().stream()
                .filter(c -> c.action() == Action.SKIPPED)
                .map(Change::object)
                .collect(Collectors.toSet());
        return definitions.stream()
                .filter(ResourceManager::isCrd)
                .map(ResourceRef::of)
                .filter(r -> !skipped.contains(r.toString()))
                .toList();
    }

    /** Polls the CRDs with backoff until all are Established and NamesAccepted, or time runs out. */
    private List<Failure> waitForEstablished(List<ResourceRef> crds, Duration timeout) {
        Map<ResourceRef, Manifest> lastSeen = new LinkedHashMap<>();
        List<ResourceRef> pending = new ArrayList<>(crds);
        boolean done;
        try {
            done = poll(timeout, () -> {
                pending.removeIf(ref -> {
                    Optional<Manifest> crd = get(ref, "wait for");
                    crd.ifPresent(c -> lastSeen.put(ref, c));
                    return crd.isPresent()
                            && condition(crd.get(), "Established")
                            && condition(crd.get(), "NamesAccepted");
                });
                return pending.isEmpty();
            });
        } catch (ObjectFailed e) {
            return List.of(new Failure(pending.get(0), e.getMessage()));
        }
        if (done) {
            return List.of();
        }
        return pending.stream()
                .map(ref -> new Failure(
                        ref,
                        ref + " was not established within " + human(timeout) + " ("
                                + conditionSummary(lastSeen.get(ref))
                                + "); objects of its kind were not applied"))
                .toList();
    }

    private static boolean condition(Manifest m, String type) {
        return conditions(m).stream().anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(Manifest m) {
        if (m == null) {
            return List.of();
        }
        return Trees.list(m.body(), "status", "conditions").stream()
                .filter(Map.class::isInstance)
                .map(c -> (Map<String, Object>) c)
                .toList();
    }

    private static String conditionSummary(Manifest crd) {
        if (crd == null) {
            return "not found";
        }
        List<Map<String, Object>> conditions = conditions(crd);
        if (conditions.isEmpty()) {
            return "no conditions yet";
        }
        return conditions.stream()
                .map(c -> c.get("type") + "=" + c.get("status")
                        + (c.get("message") == null ? "" : ": " + c.get("message")))
                .collect(Collectors.joining(", "));
    }

    /** One check of a wait; may throw {@link ObjectFailed}. */
    private interface Check {
        boolean done();
    }

    /**
     * Runs the check until it passes or the timeout ends, pausing with exponential backoff.
     * Interruption ends the wait, keeps the interrupt flag set and fails the object.
     */
    private boolean poll(Duration timeout, Check check) {
        long deadline = options.ticker().nanoTime() + timeout.toNanos();
        Duration pause = options.pollInterval();
        while (true) {
            if (check.done()) {
                return true;
            }
            long remaining = deadline - options.ticker().nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                options.ticker().sleep(Duration.ofNanos(Math.min(pause.toNanos(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ObjectFailed("interrupted while waiting", e);
            }
            pause = pause.multipliedBy(2).compareTo(options.maxPollInterval()) > 0
                    ? options.maxPollInterval()
                    : pause.multipliedBy(2);
        }
    }

    private Optional<Manifest> get(ResourceRef ref, String verb) {
        try {
            return client.get(ref);
        } catch (ClusterException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw new ObjectFailed(describe(ref, verb, e));
        }
    }

    private static String describe(Manifest m, String verb, ClusterException e) {
        return describe(ResourceRef.of(m), verb, e);
    }

    private static String describe(ResourceRef ref, String verb, ClusterException e) {
        return switch (e.reason()) {
            case KIND_NOT_SERVED ->
                ref + " " + verb + " failed: kind " + ref.kind() + " (" + ref.apiVersion()
                        + ") is not served — CRD not established. Apply its CustomResourceDefinition first, in"
                        + " this unit or in one it depends on, and let it become Established";
            case IMMUTABLE_FIELD ->
                ref + " " + verb + " failed (immutable field): " + e.getMessage()
                        + " — set force: true on the unit, or annotate the object "
                        + FluxAnnotations.FORCE + ": " + FluxAnnotations.ENABLED + ", to delete and recreate it";
            default -> ref + " " + verb + " failed (" + reasonWord(e) + "): " + e.getMessage();
        };
    }

    private static String reasonWord(ClusterException e) {
        return e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** A failure of one object; caught per object, never escapes the façade. */
    private static final class ObjectFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ObjectFailed(String message) {
            super(message);
        }

        ObjectFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---- deleteAll ------------------------------------------------------------------------------

    /**
     * Prunes stale objects in reverse apply order. An object is deleted only while it still exists,
     * its owner labels still name this unit and neither {@code kustomize.toolkit.fluxcd.io/prune:
     * disabled} nor {@code reconcile: disabled} protects it; otherwise it is skipped with the
     * reason. Objects already gone count as deleted. A delete the server refuses leaves a survivor,
     * to be kept in the inventory.
     */
    public DeleteResult deleteAll(List<InventoryEntry> stale, DeleteOptions opts) {
        if (opts.unitName().isEmpty()) {
            throw new IllegalArgumentException(
                    "deleteAll needs the unit whose objects it prunes: DeleteOptions.withUnit(name, namespace)");
        }
        List<ResourceRef> refs = stale.stream()
                .map(InventoryEntry::ref)
                .sorted(APPLY_ORDER.reversed())
                .toList();
        List<Change> changes = new ArrayList<>();
        List<Failure> survivors = new ArrayList<>();
        for (ResourceRef ref : refs) {
            try {
                changes.add(deleteOne(ref, opts));
            } catch (ClusterException e) {
                survivors.add(new Failure(ref, ref + " delete failed (" + reasonWord(e) + "): " + e.getMessage()));
            }
        }
        return new DeleteResult(changes, survivors);
    }

    private Change deleteOne(ResourceRef ref, DeleteOptions opts) {
        Optional<Manifest> live;
        try {
            live = client.get(ref);
        } catch (ClusterException e) {
            // Objects of a kind no longer served (its CRD is gone) cannot exist any more.
            if (e.reason() == Reason.NOT_FOUND || e.reason() == Reason.KIND_NOT_SERVED) {
                return new Change(ref.toString(), Action.DELETED);
            }
            throw e;
        }
        if (live.isEmpty()) {
            return new Change(ref.toString(), Action.DELETED);
        }
        Manifest object = live.get();
        if (!OwnerLabels.ownedBy(object, opts.unitName(), opts.unitNamespace())) {
            return new Change(
                    ref.toString(), Action.SKIPPED, "not owned by this unit: " + OwnerLabels.describe(object));
        }
        for (String key : new String[] {FluxAnnotations.PRUNE, FluxAnnotations.RECONCILE}) {
            if (FluxAnnotations.has(object, key, FluxAnnotations.DISABLED)) {
                return new Change(ref.toString(), Action.SKIPPED, key + ": " + FluxAnnotations.DISABLED);
            }
        }
        try {
            client.delete(ref);
        } catch (ClusterException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                throw e;
            }
        }
        return new Change(ref.toString(), Action.DELETED);
    }

    // ---- inventory ------------------------------------------------------------------------------

    /** Entries of {@code previous} whose object is not in {@code current} (by id, any version), sorted. */
    public static List<InventoryEntry> stale(List<InventoryEntry> previous, List<InventoryEntry> current) {
        Set<String> keep = current.stream().map(InventoryEntry::id).collect(Collectors.toSet());
        return previous.stream()
                .filter(e -> !keep.contains(e.id()))
                .distinct()
                .sorted()
                .toList();
    }

    /** The inventory of applied objects: one entry per object, sorted by id. */
    public static List<InventoryEntry> inventory(Collection<ResourceRef> applied) {
        return applied.stream().map(InventoryEntry::of).distinct().sorted().toList();
    }

    // ---- diff -----------------------------------------------------------------------------------

    /**
     * Compares what a server-side dry run of {@code desired} gives with the live object, as Flux's
     * {@code ResourceManager.Diff}. The text diff shows both sides normalized, ignored fields removed,
     * and Secret values masked on both sides; a changed Secret key shows as {@code ***** (before)}
     * and {@code ***** (after)}.
     *
     * @throws ApplyException when the dry run fails (kind not served, invalid object, an immutable
     *     field change without force)
     */
    public Diff diff(Manifest desired, DiffOptions opts) {
        Manifest m = OwnerLabels.add(desired, opts.unitName(), opts.unitNamespace());
        ResourceRef ref = ResourceRef.of(m);
        Optional<Manifest> live;
        try {
            live = get(ref, "diff");
        } catch (ObjectFailed e) {
            throw new ApplyException(e.getMessage(), e.getCause());
        }
        if (skipReason(m, live.orElse(null)).isPresent()) {
            return new Diff(ref.toString(), Action.SKIPPED, false, "");
        }
        Manifest dryRun;
        try {
            dryRun = client.apply(m, applyOptions(true));
        } catch (ClusterException e) {
            if (e.reason() == Reason.IMMUTABLE_FIELD && live.isPresent() && shouldForce(m, live.get(), opts.force())) {
                return new Diff(ref.toString(), Action.CREATED, true, text(live.get(), m, opts));
            }
            throw new ApplyException(describe(m, "diff", e), e);
        }
        if (live.isEmpty()) {
            return new Diff(ref.toString(), Action.CREATED, true, text(null, dryRun, opts));
        }
        if (!drifted(live.get(), dryRun, opts.ignore())) {
            return new Diff(ref.toString(), Action.UNCHANGED, false, "");
        }
        return new Diff(ref.toString(), Action.CONFIGURED, true, text(live.get(), dryRun, opts));
    }

    private static String text(Manifest live, Manifest desired, DiffOptions opts) {
        Map<String, Object> after = Normalizer.forDisplay(desired.body(), opts.ignore(), desired);
        Map<String, Object> before = live == null ? null : Normalizer.forDisplay(live.body(), opts.ignore(), desired);
        if (isSecret(desired)) {
            Map<String, Object> maskedAfter = masked(after, desired);
            Map<String, Object> maskedBefore = before == null ? null : masked(before, desired);
            if (before != null) {
                markChangedValues(before, after, maskedBefore, maskedAfter);
            }
            after = maskedAfter;
            before = maskedBefore;
        }
        ResourceId id = desired.id();
        return UnifiedDiff.diff(
                before == null ? "" : Yaml.write(before),
                Yaml.write(after),
                "live " + id,
                "desired " + id,
                opts.context());
    }

    private static boolean isSecret(Manifest m) {
        return "Secret".equals(m.kind()) && m.group().isEmpty();
    }

    /** {@link SecretMask} on a normalized tree, plus the last-applied annotation, which holds values too. */
    private static Map<String, Object> masked(Map<String, Object> tree, Manifest like) {
        Map<String, Object> result =
                SecretMask.mask(new Manifest(tree, like.origin())).mutableCopy();
        Trees.map(result, "metadata", "annotations")
                .filter(a -> a.containsKey("kubectl.kubernetes.io/last-applied-configuration"))
                .ifPresent(a -> a.put("kubectl.kubernetes.io/last-applied-configuration", SecretMask.MASK));
        return result;
    }

    /** As Flux's {@code SanitizeUnstructuredData}: keys whose values differ get before/after marks. */
    private static void markChangedValues(
            Map<String, Object> before,
            Map<String, Object> after,
            Map<String, Object> maskedBefore,
            Map<String, Object> maskedAfter) {
        for (String field : new String[] {"data", "stringData"}) {
            Map<String, Object> old = Trees.map(before, field).orElse(Map.of());
            Map<String, Object> now = Trees.map(after, field).orElse(Map.of());
            Optional<Map<String, Object>> oldMasked = Trees.map(maskedBefore, field);
            Optional<Map<String, Object>> nowMasked = Trees.map(maskedAfter, field);
            for (Map.Entry<String, Object> entry : old.entrySet()) {
                String key = entry.getKey();
                if (now.containsKey(key) && !Objects.equals(entry.getValue(), now.get(key))) {
                    oldMasked.ifPresent(o -> o.put(key, SecretMask.MASK + " (before)"));
                    nowMasked.ifPresent(n -> n.put(key, SecretMask.MASK + " (after)"));
                }
            }
        }
    }
}
