package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What the build's GitOps page and summary box show of a drift check: a headline, counts of units
 * in sync, drifted and not compared, one row per unit in report order, and each drifted object's
 * unified diff split into lines. Only what the engine put into the report is shown: object ids,
 * actions, the diff texts (whose Secret values the engine masked) and the errors of units that
 * could not be compared.
 */
public final class DriftPageModel {

    private final String result;
    private final String resultClass;
    private final String headline;
    private final String revision;
    private final String shortRevision;
    private final String compared;
    private final List<BuildPageModel.StatusCount> counts;
    private final List<UnitRow> units;
    private final List<DriftedObject> objects;

    private DriftPageModel(
            String result,
            String resultClass,
            String headline,
            DriftReport report,
            List<BuildPageModel.StatusCount> counts,
            List<UnitRow> units) {
        this.result = result;
        this.resultClass = resultClass;
        this.headline = headline;
        this.revision = Texts.orNone(report.revision());
        this.shortRevision = Texts.shortRevision(report.revision());
        this.compared = Texts.plural(report.units().size(), "unit", "units");
        this.counts = List.copyOf(counts);
        this.units = List.copyOf(units);
        this.objects = units.stream().flatMap(u -> u.getObjects().stream()).toList();
    }

    /** Prepares the drift check's part of the page from its report; units stay in report order. */
    public static DriftPageModel of(DriftReport report) {
        int total = report.units().size();
        int notCompared = 0;
        int drifted = 0;
        List<UnitRow> rows = new ArrayList<>();
        int anchor = 0;
        for (UnitDrift unit : report.units()) {
            if (unit.error() != null) {
                notCompared++;
            } else if (JobPageModel.drifted(unit)) {
                drifted++;
            }
            UnitRow row = UnitRow.of(unit, anchor);
            anchor += row.getObjects().size();
            rows.add(row);
        }
        String result;
        StatusStyle style;
        if (drifted > 0) {
            result = "Drift";
            style = StatusStyle.DRIFTED;
        } else if (notCompared > 0) {
            result = "Incomplete";
            style = StatusStyle.FAILED;
        } else {
            result = "In sync";
            style = StatusStyle.READY;
        }
        List<BuildPageModel.StatusCount> counts = List.of(
                new BuildPageModel.StatusCount("In sync", total - drifted - notCompared, StatusStyle.READY.cssClass()),
                new BuildPageModel.StatusCount("Drifted", drifted, StatusStyle.DRIFTED.cssClass()),
                new BuildPageModel.StatusCount("Not compared", notCompared, StatusStyle.FAILED.cssClass()));
        return new DriftPageModel(
                result, style.cssClass(), headline(total, drifted, notCompared), report, counts, rows);
    }

    /** "Drift in 1 of 12 units", "In sync: 12 units compared", "2 of 12 units could not be compared". */
    static String headline(int total, int drifted, int notCompared) {
        if (total == 0) {
            return "No units compared";
        }
        if (drifted == 0 && notCompared == 0) {
            return "In sync: " + Texts.plural(total, "unit", "units") + " compared";
        }
        StringJoiner out = new StringJoiner(", ");
        if (drifted > 0) {
            out.add("Drift in " + drifted + " of " + Texts.plural(total, "unit", "units"));
        }
        if (notCompared > 0) {
            out.add((drifted > 0
                            ? String.valueOf(notCompared)
                            : notCompared + " of " + Texts.plural(total, "unit", "units"))
                    + " could not be compared");
        }
        return out.toString();
    }

    /** {@code Drift}, {@code Incomplete} (some units could not be compared) or {@code In sync}. */
    public String getResult() {
        return result;
    }

    /** The class of the result's pill and of the headline's colour. */
    public String getResultClass() {
        return resultClass;
    }

    public String getHeadline() {
        return headline;
    }

    /** The revision the cluster was compared with. */
    public String getRevision() {
        return revision;
    }

    public String getShortRevision() {
        return shortRevision;
    }

    /** "12 units". */
    public String getCompared() {
        return compared;
    }

    /** In sync, Drifted, Not compared: always these three, in this order. */
    public List<BuildPageModel.StatusCount> getCounts() {
        return counts;
    }

    /** One row per unit, in the order of the report. */
    public List<UnitRow> getUnits() {
        return units;
    }

    /** Every drifted object of every unit, in the order of the units. */
    public List<DriftedObject> getObjects() {
        return objects;
    }

    public boolean isHasObjects() {
        return !objects.isEmpty();
    }

    /** One unit of the drift check. */
    public static final class UnitRow {
        private final String id;
        private final String status;
        private final String statusClass;
        private final String compared;
        private final String error;
        private final List<DriftedObject> objects;

        private UnitRow(UnitDrift unit, List<DriftedObject> objects) {
            this.id = Texts.orNone(unit.id());
            this.status = JobPageModel.driftText(unit);
            this.statusClass = JobPageModel.driftClass(unit);
            this.compared = unit.error() != null
                    ? Texts.NONE
                    : Texts.plural(unit.diffs().size(), "object", "objects");
            this.error = Texts.orEmpty(unit.error());
            this.objects = List.copyOf(objects);
        }

        /** @param firstAnchor the position of the unit's first drifted object on the page */
        static UnitRow of(UnitDrift unit, int firstAnchor) {
            List<DriftedObject> objects = new ArrayList<>();
            if (unit.error() == null) {
                for (Diff diff : unit.diffs()) {
                    if (diff.drifted()) {
                        objects.add(
                                DriftedObject.of(unit.id(), diff, "gitops-drift-" + (firstAnchor + objects.size())));
                    }
                }
            }
            return new UnitRow(unit, objects);
        }

        public String getId() {
            return id;
        }

        /** "In sync", "2 objects drifted", "Not compared". */
        public String getStatus() {
            return status;
        }

        public String getStatusClass() {
            return statusClass;
        }

        /** How many objects were compared: "5 objects"; a dash when the unit was not compared. */
        public String getCompared() {
            return compared;
        }

        /** Why the unit could not be compared (masked by the engine), or empty. */
        public String getError() {
            return error;
        }

        public boolean isHasError() {
            return !error.isEmpty();
        }

        /** The objects an apply would change. */
        public List<DriftedObject> getObjects() {
            return objects;
        }
    }

    /** One object an apply would change, with its diff. */
    public static final class DriftedObject {
        private final String unit;
        private final String object;
        private final String action;
        private final String actionClass;
        private final String anchor;
        private final List<DiffLine> lines;

        private DriftedObject(String unit, Diff diff, String anchor) {
            this.unit = Texts.orNone(unit);
            this.object = Texts.orNone(diff.object());
            this.action = diff.action() == null ? "" : diff.action().toString();
            this.actionClass = action.isEmpty() ? "" : "gitops-action-" + action.toLowerCase(Locale.ROOT);
            this.anchor = anchor;
            this.lines = DiffLine.split(diff.text());
        }

        static DriftedObject of(String unit, Diff diff, String anchor) {
            return new DriftedObject(unit, diff, anchor);
        }

        public String getUnit() {
            return unit;
        }

        /** {@code Kind/namespace/name}. */
        public String getObject() {
            return object;
        }

        /** What an apply would do: {@code created}, {@code configured}. */
        public String getAction() {
            return action;
        }

        public String getActionClass() {
            return actionClass;
        }

        /** The id of the object's diff on the page; made from its position, never from its name. */
        public String getAnchor() {
            return anchor;
        }

        /** The unified diff, line by line; empty when the engine gave no text. */
        public List<DiffLine> getLines() {
            return lines;
        }

        public boolean isHasLines() {
            return !lines.isEmpty();
        }
    }

    /** One line of a unified diff with the class that colours it. */
    public static final class DiffLine {
        static final String FILE = "gitops-diff-file";
        static final String HUNK = "gitops-diff-hunk";
        static final String ADDED = "gitops-diff-added";
        static final String REMOVED = "gitops-diff-removed";
        static final String CONTEXT = "gitops-diff-context";

        private final String text;
        private final String cssClass;

        private DiffLine(String text, String cssClass) {
            this.text = text;
            this.cssClass = cssClass;
        }

        /**
         * Splits a unified diff into lines. The {@code ---}/{@code +++} lines are file names only
         * before the first hunk; after it they are a removed or added line that begins with "--" or
         * "++".
         */
        static List<DiffLine> split(String text) {
            if (text == null || text.isEmpty()) {
                return List.of();
            }
            List<DiffLine> lines = new ArrayList<>();
            boolean inHunk = false;
            for (String line : text.split("\r?\n", -1)) {
                String css;
                if (line.startsWith("@@")) {
                    inHunk = true;
                    css = HUNK;
                } else if (!inHunk && (line.startsWith("--- ") || line.startsWith("+++ "))) {
                    css = FILE;
                } else if (line.startsWith("+")) {
                    css = ADDED;
                } else if (line.startsWith("-")) {
                    css = REMOVED;
                } else {
                    css = CONTEXT;
                }
                lines.add(new DiffLine(line, css));
            }
            // the text's final newline ends its last line; it starts no line of its own
            if (lines.get(lines.size() - 1).text.isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return List.copyOf(lines);
        }

        public String getText() {
            return text;
        }

        public String getCssClass() {
            return cssClass;
        }
    }
}
