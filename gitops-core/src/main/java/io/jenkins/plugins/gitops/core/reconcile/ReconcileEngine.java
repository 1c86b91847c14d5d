package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.apply.DiffOptions;
import io.jenkins.plugins.gitops.core.apply.IgnoreRule;
import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.apply.ManagerOptions;
import io.jenkins.plugins.gitops.core.apply.ResourceManager;
import io.jenkins.plugins.gitops.core.apply.TargetSelector;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.fleet.UnitKind;
import io.jenkins.plugins.gitops.core.health.HealthChecks;
import io.jenkins.plugins.gitops.core.health.HealthReport;
import io.jenkins.plugins.gitops.core.health.HealthWaiter;
import io.jenkins.plugins.gitops.core.health.WaitOptions;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.plan.Planner;
import io.jenkins.plugins.gitops.core.source.SourceUrls;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.StateStore;
import io.jenkins.plugins.gitops.core.state.UnitState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation engine's façade: {@code apply} a fleet in dependency order, {@code diff} it
 * against the cluster, {@code waitFor} health. The command line and the Jenkins agent both call
 * it; what it returns is all they draw from.
 */
public final class ReconcileEngine {

    private final Planner planner;
    private final ClusterClient cluster;
    private final StateStore store;

    public ReconcileEngine(Planner planner, ClusterClient cluster, StateStore store) {
        this.planner = planner;
        this.cluster = cluster;
        this.store = store;
    }

    /** A stable fleet name from repository and path, for the state store. */
    public static String fleetName(FleetRequest request) {
        String path = request.path().replaceFirst("^\\./", "").replaceAll("/+$", "");
        // The name keys state files and build folders: it must never hold the URL's credentials.
        return SourceUrls.withoutUserInfo(request.repository()).replaceAll("/+$", "") + "#" + path;
    }

    /** Reconciles the fleet; saves the new state unless it is a dry run. */
    public ReconcileReport apply(
            FleetRequest request, String fleet, ReconcileOptions options, ProgressListener listener) {
        Plan plan = planner.plan(request);
        FleetState previous = store.load(fleet);
        ResourceManager manager =
                new ResourceManager(cluster, ManagerOptions.defaults().withFieldManager(options.fieldManager()));
        UnitPipeline pipeline = new UnitPipeline(cluster, manager, request.strictSubstitution());
        Reconciler reconciler = new Reconciler(new RetryingUnitWork(pipeline), this::stillHealthy);
        ReconcileReport report = reconciler.run(plan, previous, options, new SecretRedactor(), listener);
        if (!options.dryRun()) {
            Map<String, UnitState> units = new HashMap<>(previous.units());
            units.putAll(pipeline.newStates());
            store.save(fleet, new FleetState(units));
        }
        return report;
    }

    /** Whether a unit's last applied objects are all Current right now. */
    private boolean stillHealthy(PlannedUnit unit, UnitState state) {
        List<ResourceRef> refs =
                state.inventory().stream().map(InventoryEntry::ref).toList();
        if (refs.isEmpty()) {
            return true;
        }
        HealthReport report = new HealthWaiter(cluster, HealthChecks.kstatus())
                .waitFor(refs, WaitOptions.defaults().withTimeout(Duration.ZERO));
        return report.isCurrent();
    }

    /**
     * What an apply would change, per selected unit, by server-side dry run. Ignore rules come from
     * the unit's {@code spec.driftDetection.ignore} (the format of HelmRelease's): JSON pointers
     * with an optional target selector.
     */
    public DriftReport diff(FleetRequest request, ReconcileOptions options) {
        Plan plan = planner.plan(request);
        ResourceManager manager =
                new ResourceManager(cluster, ManagerOptions.defaults().withFieldManager(options.fieldManager()));
        SecretRedactor redactor = new SecretRedactor();
        List<DriftReport.UnitDrift> units = new ArrayList<>();
        for (PlannedUnit unit : plan.units()) {
            if (!options.selects(unit.id()) || unit.loaded().unit().kind() != UnitKind.KUSTOMIZATION) {
                continue;
            }
            if (unit.loaded().error() != null) {
                units.add(new DriftReport.UnitDrift(
                        unit.id(), List.of(), redactor.redact(unit.loaded().error())));
                continue;
            }
            try {
                DiffOptions diffOptions = DiffOptions.defaults()
                        .withUnit(
                                unit.loaded().unit().id().name(),
                                unit.loaded().unit().id().namespace())
                        .withIgnore(ignoreRules(unit));
                List<Diff> diffs = new ArrayList<>();
                for (Manifest m : UnitObjects.resolve(unit, cluster, redactor, request.strictSubstitution())) {
                    ReplacedSecrets.register(m, cluster, redactor);
                    Diff d = manager.diff(m, diffOptions);
                    diffs.add(new Diff(d.object(), d.action(), d.drifted(), redactor.redact(d.text())));
                }
                units.add(new DriftReport.UnitDrift(unit.id(), diffs, null));
            } catch (RuntimeException e) {
                units.add(new DriftReport.UnitDrift(unit.id(), List.of(), redactor.redact(e.getMessage())));
            }
        }
        return new DriftReport(plan.revision(), units);
    }

    private static List<IgnoreRule> ignoreRules(PlannedUnit unit) {
        List<IgnoreRule> rules = new ArrayList<>();
        for (Object entry : Trees.list(unit.loaded().unit().spec(), "driftDetection", "ignore")) {
            if (!(entry instanceof Map<?, ?> raw)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) raw;
            List<String> paths =
                    Trees.list(rule, "paths").stream().map(String::valueOf).toList();
            TargetSelector target = Trees.map(rule, "target")
                    .map(t -> new TargetSelector(
                            Trees.string(t, "group").orElse(null),
                            Trees.string(t, "version").orElse(null),
                            Trees.string(t, "kind").orElse(null),
                            Trees.string(t, "name").orElse(null),
                            Trees.string(t, "namespace").orElse(null),
                            Trees.string(t, "labelSelector").orElse(null)))
                    .orElse(TargetSelector.ALL);
            rules.add(new IgnoreRule(paths, target));
        }
        return rules;
    }

    /**
     * Waits until the objects are healthy: the given ones, or else the inventories of the given
     * units (all units when none are given) from the last saved state.
     */
    public HealthReport waitFor(String fleet, List<String> unitIds, List<ResourceRef> objects, Duration timeout) {
        List<ResourceRef> refs = new ArrayList<>(objects);
        if (refs.isEmpty()) {
            FleetState state = store.load(fleet);
            state.units().forEach((id, unit) -> {
                if (unitIds.isEmpty() || unitIds.contains(id)) {
                    unit.inventory().forEach(e -> refs.add(e.ref()));
                }
            });
        }
        return new HealthWaiter(cluster, HealthChecks.kstatus())
                .waitFor(refs, WaitOptions.defaults().withTimeout(timeout));
    }
}
