package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What the job's GitOps page shows for one fleet (the page has one such section per fleet): each
 * unit's latest state across the builds, the builds themselves with their result, health and
 * drift, and a unit-by-build history matrix. Builds are shown newest first.
 */
public final class JobPageModel {

    private final String fleet;
    private final String path;
    private final String revision;
    private final String latestRun;
    private final String latestRunClass;
    private final String latestDrift;
    private final String latestDriftClass;
    private final List<LatestUnit> latest;
    private final List<BuildRow> builds;
    private final List<BuildRow> historyColumns;
    private final List<HistoryRow> history;

    private JobPageModel(String fleet, Builder b) {
        this.fleet = Texts.orNone(fleet);
        this.path = b.path;
        this.revision = b.revision;
        this.latestRun = b.latestRun;
        this.latestRunClass = b.latestRunClass;
        this.latestDrift = b.latestDrift;
        this.latestDriftClass = b.latestDriftClass;
        this.latest = List.copyOf(b.latest);
        this.builds = List.copyOf(b.builds);
        this.historyColumns = List.copyOf(b.builds);
        this.history = List.copyOf(b.history);
    }

    /**
     * Prepares the fleet's part of the page from the job's builds that carry a report of it, in any
     * order.
     */
    public static JobPageModel of(String fleet, List<BuildRecord> records) {
        List<BuildRecord> newestFirst = records.stream()
                .sorted(Comparator.comparingInt(BuildRecord::number).reversed())
                .toList();
        Builder b = new Builder();
        b.path = Texts.NONE;
        b.revision = Texts.NONE;
        b.latestRun = "No reconcile yet";
        b.latestRunClass = StatusStyle.NOT_RUN.cssClass();
        b.latestDrift = "No drift check yet";
        b.latestDriftClass = StatusStyle.NOT_RUN.cssClass();
        BuildRecord newestRun = newestFirst.stream()
                .filter(r -> r.reconcile() != null)
                .findFirst()
                .orElse(null);
        if (newestRun != null) {
            ReconcileReport report = newestRun.reconcile();
            BuildPageModel.Summary summary = BuildPageModel.Summary.of(report);
            b.path = summary.getPath();
            b.revision = summary.getShortRevision();
            b.latestRun = "#" + newestRun.number() + ": " + summary.getResult() + " \u2014 " + summary.getHeadline();
            b.latestRunClass = summary.getResultClass();
        }
        BuildRecord newestDrift =
                newestFirst.stream().filter(r -> r.drift() != null).findFirst().orElse(null);
        if (newestDrift != null) {
            long drifted = newestDrift.drift().units().stream()
                    .filter(JobPageModel::drifted)
                    .count();
            b.latestDrift = "#" + newestDrift.number() + ": "
                    + (drifted == 0 ? "in sync" : "drift in " + Texts.plural((int) drifted, "unit", "units"));
            b.latestDriftClass = drifted == 0 ? StatusStyle.READY.cssClass() : StatusStyle.DRIFTED.cssClass();
        }
        for (String id : unitIds(newestFirst)) {
            b.latest.add(LatestUnit.of(id, newestFirst));
            b.history.add(HistoryRow.of(id, newestFirst));
        }
        newestFirst.forEach(r -> b.builds.add(BuildRow.of(r)));
        return new JobPageModel(fleet, b);
    }

    /** "No GitOps runs in the last 30 builds": the page when no fleet has a report. */
    public static String noRunsText(int historyLength) {
        return "No GitOps runs in the last " + (historyLength == 1 ? "build" : historyLength + " builds");
    }

    /** Units in the newest run's plan order, then any that only older builds or drift checks name. */
    private static Set<String> unitIds(List<BuildRecord> newestFirst) {
        Set<String> ids = new LinkedHashSet<>();
        newestFirst.stream()
                .filter(r -> r.reconcile() != null)
                .forEach(r -> r.reconcile().units().forEach(u -> ids.add(u.id())));
        newestFirst.stream()
                .filter(r -> r.drift() != null)
                .forEach(r -> r.drift().units().forEach(u -> ids.add(u.id())));
        return ids;
    }

    static boolean drifted(UnitDrift unit) {
        return unit.error() != null || unit.diffs().stream().anyMatch(Diff::drifted);
    }

    private static UnitReport unit(ReconcileReport report, String id) {
        return report.units().stream()
                .filter(u -> id.equals(u.id()))
                .findFirst()
                .orElse(null);
    }

    private static UnitDrift unit(DriftReport report, String id) {
        return report.units().stream()
                .filter(u -> id.equals(u.id()))
                .findFirst()
                .orElse(null);
    }

    /** The fleet's name, as the steps store it ({@code <repository>#<path>} unless one was given). */
    public String getFleet() {
        return fleet;
    }

    /** The fleet's path in its repository, from the newest run; {@code —} before the first run. */
    public String getPath() {
        return path;
    }

    public String getRevision() {
        return revision;
    }

    /** "#12: Not ready — 1 of 8 units failed, 3 skipped". */
    public String getLatestRun() {
        return latestRun;
    }

    public String getLatestRunClass() {
        return latestRunClass;
    }

    /** "#11: drift in 1 unit". */
    public String getLatestDrift() {
        return latestDrift;
    }

    public String getLatestDriftClass() {
        return latestDriftClass;
    }

    /** Each unit's latest state. */
    public List<LatestUnit> getLatest() {
        return latest;
    }

    /** The builds, newest first. */
    public List<BuildRow> getBuilds() {
        return builds;
    }

    /** The builds heading the history matrix, newest first (the same as {@link #getBuilds()}). */
    public List<BuildRow> getHistoryColumns() {
        return historyColumns;
    }

    /** One row per unit, one cell per build in {@link #getHistoryColumns()}. */
    public List<HistoryRow> getHistory() {
        return history;
    }

    public boolean isEmpty() {
        return builds.isEmpty();
    }

    private static final class Builder {
        String path;
        String revision;
        String latestRun;
        String latestRunClass;
        String latestDrift;
        String latestDriftClass;
        final List<LatestUnit> latest = new ArrayList<>();
        final List<BuildRow> builds = new ArrayList<>();
        final List<HistoryRow> history = new ArrayList<>();
    }

    /** A unit's state as of the newest build that ran it, and its newest drift check. */
    public static final class LatestUnit {
        private String id = "";
        private String kind = Texts.NONE;
        private String status = "Not run";
        private String statusClass = StatusStyle.NOT_RUN.cssClass();
        private String reason = "";
        private String message = "";
        private String revision = Texts.NONE;
        private String build = Texts.NONE;
        private String buildHref = "";
        private String health = Texts.NONE;
        private String healthClass = StatusStyle.NOT_RUN.cssClass();
        private String drift = Texts.NONE;
        private String driftClass = StatusStyle.NOT_RUN.cssClass();
        private String driftTitle = "";

        static LatestUnit of(String id, List<BuildRecord> newestFirst) {
            LatestUnit row = new LatestUnit();
            row.id = id;
            for (BuildRecord record : newestFirst) {
                UnitReport unit = record.reconcile() == null ? null : unit(record.reconcile(), id);
                if (unit != null) {
                    row.kind = Texts.orNone(unit.kind());
                    row.status =
                            unit.status() == null ? "Unknown" : unit.status().toString();
                    row.statusClass = StatusStyle.of(unit.status()).cssClass();
                    row.reason = Texts.orEmpty(unit.reason());
                    row.message = Texts.orEmpty(unit.message());
                    row.revision = Texts.shortRevision(unit.revision());
                    row.build = "#" + record.number();
                    row.buildHref = BuildRow.href(record.number());
                    row.health = health(unit.health());
                    row.healthClass = healthClass(unit.health());
                    break;
                }
            }
            for (BuildRecord record : newestFirst) {
                UnitDrift unit = record.drift() == null ? null : unit(record.drift(), id);
                if (unit != null) {
                    row.drift = driftText(unit) + " (#" + record.number() + ")";
                    row.driftClass = driftClass(unit);
                    row.driftTitle = Texts.orEmpty(unit.error());
                    break;
                }
            }
            return row;
        }

        /** "4 Current" or "1 Failed, 2 Current": object counts by kstatus, worst first. */
        static String health(List<ObjectHealth> health) {
            if (health.isEmpty()) {
                return "not checked";
            }
            Map<HealthStatus, Integer> counts = new EnumMap<>(HealthStatus.class);
            health.forEach(h -> counts.merge(h.status() == null ? HealthStatus.UNKNOWN : h.status(), 1, Integer::sum));
            StringJoiner out = new StringJoiner(", ");
            for (HealthStatus status : List.of(
                    HealthStatus.FAILED,
                    HealthStatus.IN_PROGRESS,
                    HealthStatus.NOT_FOUND,
                    HealthStatus.TERMINATING,
                    HealthStatus.UNKNOWN,
                    HealthStatus.CURRENT)) {
                Integer count = counts.get(status);
                if (count != null) {
                    out.add(count + " " + status);
                }
            }
            return out.toString();
        }

        static String healthClass(List<ObjectHealth> health) {
            if (health.isEmpty()) {
                return StatusStyle.NOT_RUN.cssClass();
            }
            if (health.stream().anyMatch(h -> h.status() == HealthStatus.FAILED)) {
                return StatusStyle.FAILED.cssClass();
            }
            return health.stream().allMatch(h -> h.status() == HealthStatus.CURRENT)
                    ? StatusStyle.READY.cssClass()
                    : StatusStyle.PROGRESSING.cssClass();
        }

        public String getId() {
            return id;
        }

        public String getKind() {
            return kind;
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

        public String getRevision() {
            return revision;
        }

        /** "#12", the build this state comes from. */
        public String getBuild() {
            return build;
        }

        /** Relative link from the job page to that build; empty when no build ran the unit. */
        public String getBuildHref() {
            return buildHref;
        }

        public String getHealth() {
            return health;
        }

        public String getHealthClass() {
            return healthClass;
        }

        /** "In sync (#11)", "2 objects drifted (#11)". */
        public String getDrift() {
            return drift;
        }

        public String getDriftClass() {
            return driftClass;
        }

        /** Why the unit could not be compared, or empty. */
        public String getDriftTitle() {
            return driftTitle;
        }
    }

    static String driftText(UnitDrift unit) {
        if (unit.error() != null) {
            return "Not compared";
        }
        long count = unit.diffs().stream().filter(Diff::drifted).count();
        return count == 0 ? "In sync" : Texts.plural((int) count, "object", "objects") + " drifted";
    }

    static String driftClass(UnitDrift unit) {
        if (unit.error() != null) {
            return StatusStyle.FAILED.cssClass();
        }
        return drifted(unit) ? StatusStyle.DRIFTED.cssClass() : StatusStyle.READY.cssClass();
    }

    /** One build: what it did and how it ended. */
    public static final class BuildRow {
        private final String number;
        private final String href;
        private final String when;
        private final String operation;
        private final String result;
        private final String resultClass;
        private final String counts;
        private final String health;
        private final String healthClass;
        private final String drift;
        private final String driftClass;
        private final String duration;
        private final String revision;

        private BuildRow(BuildRecord record) {
            ReconcileReport run = record.reconcile();
            DriftReport drift = record.drift();
            this.number = "#" + record.number();
            this.href = href(record.number());
            this.when = Texts.time(record.timestampMs());
            this.operation = run == null
                    ? "drift check"
                    : drift != null ? "drift check + apply" : run.dryRun() ? "dry run" : "apply";
            if (run != null) {
                boolean ready = run.ready() && run.errors().isEmpty();
                this.result = ready ? "Ready" : "Not ready";
                this.resultClass = ready ? StatusStyle.READY.cssClass() : StatusStyle.FAILED.cssClass();
                this.counts = counts(run);
                long unhealthy =
                        run.units().stream().filter(BadgeModel::unhealthy).count();
                this.health =
                        unhealthy == 0 ? "healthy" : "failed in " + Texts.plural((int) unhealthy, "unit", "units");
                this.healthClass = unhealthy == 0 ? StatusStyle.READY.cssClass() : StatusStyle.FAILED.cssClass();
                this.duration = Texts.duration(run.durationMs());
                this.revision = Texts.shortRevision(run.revision());
            } else {
                boolean drifted = drift.drifted();
                this.result = drifted ? "Drift" : "In sync";
                this.resultClass = drifted ? StatusStyle.DRIFTED.cssClass() : StatusStyle.READY.cssClass();
                this.counts = Texts.plural(drift.units().size(), "unit", "units") + " compared";
                this.health = Texts.NONE;
                this.healthClass = StatusStyle.NOT_RUN.cssClass();
                this.duration = Texts.NONE;
                this.revision = Texts.shortRevision(drift.revision());
            }
            if (drift == null) {
                this.drift = Texts.NONE;
                this.driftClass = StatusStyle.NOT_RUN.cssClass();
            } else {
                long drifted =
                        drift.units().stream().filter(JobPageModel::drifted).count();
                this.drift = drifted == 0 ? "in sync" : "drift in " + Texts.plural((int) drifted, "unit", "units");
                this.driftClass = drifted == 0 ? StatusStyle.READY.cssClass() : StatusStyle.DRIFTED.cssClass();
            }
        }

        static BuildRow of(BuildRecord record) {
            return new BuildRow(record);
        }

        /** From the job's GitOps page ({@code job/x/gitops/}) to the build ({@code job/x/12/}). */
        static String href(int number) {
            return "../" + number + "/";
        }

        private static String counts(ReconcileReport run) {
            Map<UnitStatus, Integer> counts = new EnumMap<>(UnitStatus.class);
            run.units().forEach(u -> counts.merge(u.status(), 1, Integer::sum));
            StringJoiner out = new StringJoiner(", ");
            out.setEmptyValue("no units");
            counts.forEach((status, count) -> out.add(count + " " + status));
            return out.toString();
        }

        /** "#12". */
        public String getNumber() {
            return number;
        }

        public String getHref() {
            return href;
        }

        public String getWhen() {
            return when;
        }

        /** {@code apply}, {@code dry run}, {@code drift check} or {@code drift check + apply}. */
        public String getOperation() {
            return operation;
        }

        public String getResult() {
            return result;
        }

        public String getResultClass() {
            return resultClass;
        }

        /** "6 Ready, 1 Failed, 3 Skipped". */
        public String getCounts() {
            return counts;
        }

        public String getHealth() {
            return health;
        }

        public String getHealthClass() {
            return healthClass;
        }

        public String getDrift() {
            return drift;
        }

        public String getDriftClass() {
            return driftClass;
        }

        public String getDuration() {
            return duration;
        }

        public String getRevision() {
            return revision;
        }
    }

    /** One unit across the builds. */
    public static final class HistoryRow {
        private final String unit;
        private final List<HistoryCell> cells;

        private HistoryRow(String unit, List<HistoryCell> cells) {
            this.unit = unit;
            this.cells = List.copyOf(cells);
        }

        static HistoryRow of(String id, List<BuildRecord> newestFirst) {
            List<HistoryCell> cells = new ArrayList<>();
            for (BuildRecord record : newestFirst) {
                cells.add(HistoryCell.of(record, id));
            }
            return new HistoryRow(id, cells);
        }

        public String getUnit() {
            return unit;
        }

        public List<HistoryCell> getCells() {
            return cells;
        }
    }

    /** A unit in one build: its status, or its drift when the build only checked drift. */
    public static final class HistoryCell {
        private final String text;
        private final String cssClass;
        private final String title;

        private HistoryCell(String text, String cssClass, String title) {
            this.text = text;
            this.cssClass = cssClass;
            this.title = title;
        }

        static HistoryCell of(BuildRecord record, String id) {
            UnitReport unit = record.reconcile() == null ? null : unit(record.reconcile(), id);
            UnitDrift drift = record.drift() == null ? null : unit(record.drift(), id);
            Map<String, String> title = new LinkedHashMap<>();
            String text;
            String css;
            if (unit != null) {
                text = unit.status() == null ? "Unknown" : unit.status().toString();
                css = StatusStyle.of(unit.status()).cssClass();
                title.put("reason", unit.reason());
                title.put("health", LatestUnit.health(unit.health()));
                if (drift != null && drifted(drift)) {
                    text = text + " + drift";
                }
            } else if (drift != null) {
                text = drifted(drift) ? "Drift" : "In sync";
                css = driftClass(drift);
            } else {
                return new HistoryCell(Texts.NONE, StatusStyle.NOT_RUN.cssClass(), "not in this build");
            }
            if (drift != null) {
                title.put("drift", driftText(drift) + (drift.error() == null ? "" : ": " + drift.error()));
            }
            StringJoiner out = new StringJoiner("; ");
            title.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    out.add(k + ": " + v);
                }
            });
            return new HistoryCell(text, css, out.toString());
        }

        public String getText() {
            return text;
        }

        public String getCssClass() {
            return cssClass;
        }

        /** Reason, health and drift, for the cell's tooltip. */
        public String getTitle() {
            return title;
        }
    }
}
