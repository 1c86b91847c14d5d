package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the build's GitOps page and summary box show, prepared from one run's report and the plan's
 * graph. Getters only: the Jelly views iterate these and print them, escaped.
 */
public final class BuildPageModel {

    private final Summary summary;
    private final List<UnitRow> units;
    private final List<EventRow> events;
    private final List<InventorySection> inventories;
    private final List<HealthRow> health;
    private final String graphSvg;

    private BuildPageModel(
            Summary summary,
            List<UnitRow> units,
            List<EventRow> events,
            List<InventorySection> inventories,
            List<HealthRow> health,
            String graphSvg) {
        this.summary = summary;
        this.units = List.copyOf(units);
        this.events = List.copyOf(events);
        this.inventories = List.copyOf(inventories);
        this.health = List.copyOf(health);
        this.graphSvg = graphSvg;
    }

    /**
     * Prepares the page.
     *
     * @param report the run's report; its units are in plan order
     * @param graph the plan's units with waves and edges, in plan order; units of the report missing
     *     from it are drawn unordered, and it may be empty when no plan information was kept
     */
    public static BuildPageModel of(ReconcileReport report, List<UnitNode> graph) {
        List<UnitNode> nodes = graph == null ? List.of() : graph;
        Map<String, UnitNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.putIfAbsent(n.id(), n));
        List<UnitRow> rows = new ArrayList<>();
        List<InventorySection> inventories = new ArrayList<>();
        List<HealthRow> health = new ArrayList<>();
        int index = 0;
        for (UnitReport unit : report.units()) {
            String anchor = "gitops-unit-" + index++;
            rows.add(UnitRow.of(unit, byId.get(unit.id()), anchor));
            inventories.add(InventorySection.of(unit, anchor));
            unit.health().forEach(h -> health.add(HealthRow.of(unit.id(), h)));
        }
        List<EventRow> events = report.events().stream().map(EventRow::of).toList();
        return new BuildPageModel(
                Summary.of(report), rows, events, inventories, health, DependencyGraphSvg.render(nodes, report));
    }

    /**
     * The title of a build's GitOps page: "GitOps: " and the run's path, or the fleet's name when
     * the build kept no run report (a drift check alone has no path).
     *
     * @param model the run's page, or null
     */
    public static String title(BuildPageModel model, String fleet) {
        return "GitOps: " + (model != null ? model.getSummary().getPath() : Texts.orNone(fleet));
    }

    public Summary getSummary() {
        return summary;
    }

    /** One row per unit, in plan order. */
    public List<UnitRow> getUnits() {
        return units;
    }

    public List<EventRow> getEvents() {
        return events;
    }

    public boolean isHasEvents() {
        return !events.isEmpty();
    }

    /** Each unit's inventory, in plan order. */
    public List<InventorySection> getInventories() {
        return inventories;
    }

    /** Every checked object's health, unit by unit. */
    public List<HealthRow> getHealth() {
        return health;
    }

    public boolean isHasHealth() {
        return !health.isEmpty();
    }

    /**
     * The dependency graph as an SVG document built by {@link DependencyGraphSvg}, which escapes
     * every text it writes. It is the only markup a view prints unescaped.
     */
    public String getGraphSvg() {
        return graphSvg;
    }

    /** "3 created, 1 configured": counts per action in the order of {@link Action}, or "no changes". */
    static String changesSummary(List<Change> changes) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return "no changes";
        }
        StringJoiner out = new StringJoiner(", ");
        counts.forEach((action, count) -> out.add(count + " " + action));
        return out.toString();
    }

    /** The run at a glance: result, counts by status, duration, revision. */
    public static final class Summary {
        private final String result;
        private final String resultClass;
        private final String headline;
        private final List<StatusCount> counts;
        private final String duration;
        private final String revision;
        private final String shortRevision;
        private final String source;
        private final String path;
        private final boolean dryRun;
        private final String startedAt;
        private final List<String> errors;

        private Summary(ReconcileReport report) {
            Map<UnitStatus, Integer> byStatus = new EnumMap<>(UnitStatus.class);
            for (UnitStatus status : UnitStatus.values()) {
                byStatus.put(status, 0);
            }
            report.units().forEach(u -> byStatus.merge(u.status(), 1, Integer::sum));
            boolean ready = report.ready() && report.errors().isEmpty();
            int total = report.units().size();
            int failed = byStatus.get(UnitStatus.FAILED);
            this.result = ready ? "Ready" : "Not ready";
            this.resultClass = ready ? StatusStyle.READY.cssClass() : StatusStyle.FAILED.cssClass();
            this.headline = headline(
                    total,
                    failed,
                    byStatus.get(UnitStatus.SKIPPED),
                    report.errors().size());
            this.counts = byStatus.entrySet().stream()
                    .map(e -> new StatusCount(
                            e.getKey().toString(),
                            e.getValue(),
                            StatusStyle.of(e.getKey()).cssClass()))
                    .toList();
            this.duration = Texts.duration(report.durationMs());
            this.revision = Texts.orNone(report.revision());
            this.shortRevision = Texts.shortRevision(report.revision());
            this.source = Texts.orNone(report.source());
            this.path = Texts.orNone(report.path());
            this.dryRun = report.dryRun();
            this.startedAt = Texts.time(report.startedAtEpochMs());
            this.errors = List.copyOf(report.errors());
        }

        static Summary of(ReconcileReport report) {
            return new Summary(report);
        }

        private static String headline(int total, int failed, int skipped, int errors) {
            if (total == 0) {
                return errors == 0 ? "No units selected" : Texts.plural(errors, "plan error", "plan errors");
            }
            if (failed == 0 && skipped == 0 && errors == 0) {
                return total == 1 ? "The unit is ready" : "All " + total + " units ready";
            }
            StringJoiner out = new StringJoiner(", ");
            if (failed > 0) {
                out.add(failed + " of " + total + (total == 1 ? " unit" : " units") + " failed");
            }
            if (skipped > 0) {
                out.add(skipped + " skipped");
            }
            if (errors > 0) {
                out.add(Texts.plural(errors, "plan error", "plan errors"));
            }
            return out.toString();
        }

        /** {@code Ready} or {@code Not ready}. */
        public String getResult() {
            return result;
        }

        public String getResultClass() {
            return resultClass;
        }

        /** "1 of 8 units failed, 3 skipped". */
        public String getHeadline() {
            return headline;
        }

        /** One entry per status, in the order Ready, Failed, Skipped, Suspended. */
        public List<StatusCount> getCounts() {
            return counts;
        }

        public String getDuration() {
            return duration;
        }

        public String getRevision() {
            return revision;
        }

        public String getShortRevision() {
            return shortRevision;
        }

        public String getSource() {
            return source;
        }

        public String getPath() {
            return path;
        }

        public boolean isDryRun() {
            return dryRun;
        }

        public String getStartedAt() {
            return startedAt;
        }

        /** The plan's problems (cycles, render and source errors). */
        public List<String> getErrors() {
            return errors;
        }

        public boolean isHasErrors() {
            return !errors.isEmpty();
        }
    }

    /** How many units ended in one status. */
    public static final class StatusCount {
        private final String status;
        private final int count;
        private final String statusClass;

        StatusCount(String status, int count, String statusClass) {
            this.status = status;
            this.count = count;
            this.statusClass = statusClass;
        }

        public String getStatus() {
            return status;
        }

        public int getCount() {
            return count;
        }

        public String getStatusClass() {
            return statusClass;
        }

        /** Zero counts are drawn faded. */
        public boolean isZero() {
            return count == 0;
        }
    }

    /** One unit's line in the table. */
    public static final class UnitRow {
        private final String id;
        private final String kind;
        private final String wave;
        private final String revision;
        private final String shortRevision;
        private final String status;
        private final String statusClass;
        private final String reason;
        private final String message;
        private final String changes;
        private final String duration;
        private final String anchor;

        private UnitRow(UnitReport unit, UnitNode node, String anchor) {
            this.id = unit.id();
            this.kind = Texts.orNone(unit.kind() != null ? unit.kind() : node == null ? null : node.kind());
            this.wave = node == null || node.wave() == null
                    ? Texts.NONE
                    : node.wave().toString();
            this.revision = Texts.orNone(unit.revision());
            this.shortRevision = Texts.shortRevision(unit.revision());
            this.status = unit.status() == null ? "Unknown" : unit.status().toString();
            this.statusClass = StatusStyle.of(unit.status()).cssClass();
            this.reason = Texts.orEmpty(unit.reason());
            this.message = Texts.orEmpty(unit.message());
            this.changes = changesSummary(unit.changes());
            this.duration = unit.status() == UnitStatus.SKIPPED && unit.durationMs() == 0
                    ? Texts.NONE
                    : Texts.duration(unit.durationMs());
            this.anchor = anchor;
        }

        static UnitRow of(UnitReport unit, UnitNode node, String anchor) {
            return new UnitRow(unit, node, anchor);
        }

        public String getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getWave() {
            return wave;
        }

        public String getRevision() {
            return revision;
        }

        public String getShortRevision() {
            return shortRevision;
        }

        public String getStatus() {
            return status;
        }

        public String getStatusClass() {
            return statusClass;
        }

        public String getReason() {
            return reason;
        }

        public String getMessage() {
            return message;
        }

        /** "3 created, 1 configured". */
        public String getChanges() {
            return changes;
        }

        public String getDuration() {
            return duration;
        }

        /** The id of the unit's inventory section; made from its position, never from its name. */
        public String getAnchor() {
            return anchor;
        }
    }

    /** One event of the run. */
    public static final class EventRow {
        private final String at;
        private final String unit;
        private final String severity;
        private final String severityClass;
        private final String reason;
        private final String message;

        private EventRow(Event event) {
            this.at = Texts.offset(event.atMs());
            this.unit = Texts.orEmpty(event.unit());
            this.severity = Texts.orNone(event.severity());
            this.severityClass =
                    "Warning".equalsIgnoreCase(event.severity()) ? "gitops-event-warning" : "gitops-event-normal";
            this.reason = Texts.orEmpty(event.reason());
            this.message = Texts.orEmpty(event.message());
        }

        static EventRow of(Event event) {
            return new EventRow(event);
        }

        /** Offset from the start of the run: {@code +1.2 s}. */
        public String getAt() {
            return at;
        }

        public String getUnit() {
            return unit;
        }

        public String getSeverity() {
            return severity;
        }

        public String getSeverityClass() {
            return severityClass;
        }

        public String getReason() {
            return reason;
        }

        public String getMessage() {
            return message;
        }
    }

    /** What one unit owns after the run, with what this run did to each object. */
    public static final class InventorySection {
        private final String unitId;
        private final String anchor;
        private final String statusClass;
        private final List<InventoryRow> entries;

        private InventorySection(String unitId, String anchor, String statusClass, List<InventoryRow> entries) {
            this.unitId = unitId;
            this.anchor = anchor;
            this.statusClass = statusClass;
            this.entries = List.copyOf(entries);
        }

        static InventorySection of(UnitReport unit, String anchor) {
            Map<String, Action> actions = new LinkedHashMap<>();
            unit.changes().forEach(c -> actions.put(c.object(), c.action()));
            List<InventoryRow> rows = new ArrayList<>();
            for (String id : unit.inventory()) {
                InventoryRow row = InventoryRow.parse(id);
                Action action = actions.remove(row.getObject());
                rows.add(row.withAction(action == null ? "" : action.toString()));
            }
            // objects deleted by this run are no longer in the inventory but belong on the page
            actions.forEach((object, action) -> {
                if (action == Action.DELETED) {
                    rows.add(InventoryRow.fromObject(object).withAction(action.toString()));
                }
            });
            return new InventorySection(
                    unit.id(), anchor, StatusStyle.of(unit.status()).cssClass(), rows);
        }

        public String getUnitId() {
            return unitId;
        }

        public String getAnchor() {
            return anchor;
        }

        public String getStatusClass() {
            return statusClass;
        }

        public List<InventoryRow> getEntries() {
            return entries;
        }

        public boolean isHasEntries() {
            return !entries.isEmpty();
        }

        public String getCount() {
            return Texts.plural(entries.size(), "object", "objects");
        }
    }

    /** One object of an inventory. */
    public static final class InventoryRow {
        private final String kind;
        private final String group;
        private final String namespace;
        private final String name;
        private final String action;

        private InventoryRow(String kind, String group, String namespace, String name, String action) {
            this.kind = kind;
            this.group = group;
            this.namespace = namespace;
            this.name = name;
            this.action = action;
        }

        /** Reads Flux's {@code <namespace>_<name>_<group>_<kind>}; anything else is kept as a name. */
        static InventoryRow parse(String inventoryId) {
            String[] parts = inventoryId.split("_", -1);
            if (parts.length != 4) {
                return new InventoryRow(Texts.NONE, "", "", inventoryId, "");
            }
            return new InventoryRow(parts[3], parts[2], parts[0], parts[1], "");
        }

        /** Reads a change's {@code Kind/namespace/name} or {@code Kind/name}. */
        static InventoryRow fromObject(String object) {
            String[] parts = object.split("/", 3);
            return switch (parts.length) {
                case 3 -> new InventoryRow(parts[0], "", parts[1], parts[2], "");
                case 2 -> new InventoryRow(parts[0], "", "", parts[1], "");
                default -> new InventoryRow(Texts.NONE, "", "", object, "");
            };
        }

        InventoryRow withAction(String newAction) {
            return new InventoryRow(kind, group, namespace, name, newAction);
        }

        /** {@code Kind/namespace/name}, as changes name objects. */
        String getObject() {
            return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
        }

        public String getKind() {
            return kind;
        }

        /** The API group; empty for the core group. */
        public String getGroup() {
            return group;
        }

        /** Empty for cluster-scoped objects. */
        public String getNamespace() {
            return namespace;
        }

        public String getName() {
            return name;
        }

        /** What this run did to it ({@code created}, {@code configured}, …), or empty. */
        public String getAction() {
            return action;
        }

        public String getActionClass() {
            return action.isEmpty() ? "" : "gitops-action-" + action.toLowerCase(Locale.ROOT);
        }
    }

    /** One checked object's health. */
    public static final class HealthRow {
        private final String unit;
        private final String object;
        private final String status;
        private final String statusClass;
        private final String message;

        private HealthRow(String unit, ObjectHealth health) {
            this.unit = unit;
            this.object = Texts.orEmpty(health.object());
            this.status = health.status() == null ? "Unknown" : health.status().toString();
            this.statusClass = StatusStyle.of(health.status()).cssClass();
            this.message = Texts.orEmpty(health.message());
        }

        static HealthRow of(String unit, ObjectHealth health) {
            return new HealthRow(unit, health);
        }

        public String getUnit() {
            return unit;
        }

        public String getObject() {
            return object;
        }

        public String getStatus() {
            return status;
        }

        public String getStatusClass() {
            return statusClass;
        }

        public String getMessage() {
            return message;
        }
    }
}
