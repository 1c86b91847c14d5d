package io.jenkins.plugins.gitops.jenkins.action;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hudson.model.Run;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.ReportJson;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.jenkins.ui.BadgeModel;
import io.jenkins.plugins.gitops.jenkins.ui.BuildPageModel;
import io.jenkins.plugins.gitops.jenkins.ui.DriftPageModel;
import io.jenkins.plugins.gitops.jenkins.ui.UnitNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.RunAction2;

/**
 * One fleet's run in one build. {@code build.xml} keeps the summary (counts by status, duration,
 * revision); the full report and the fleet's state are JSON files in {@code
 * <build>/gitops/<key>/}, read when first asked for. Nothing secret is stored: the engine's reports
 * mask Secret values and the state holds object ids only.
 */
public class GitOpsRunAction implements RunAction2 {

    static final String REPORT = "report.json";
    static final String STATE = "state.json";
    static final String DRIFT = "drift.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String fleet;
    private final String key;
    private final String operation;
    private final boolean dryRun;
    private final String revision;
    private final long durationMs;
    private final Map<String, Integer> counts;
    private final Boolean drifted;
    private final boolean hasState;
    /** When the reports were stored; 0 in the {@code build.xml} of builds older than this field. */
    private final long recordedAtEpochMs;

    private transient Run<?, ?> run;
    private transient volatile Map<String, Object> reportTree;
    private transient volatile BuildPageModel model;
    private transient volatile DriftPageModel driftModel;

    private GitOpsRunAction(
            String fleet,
            String operation,
            boolean dryRun,
            String revision,
            long durationMs,
            Map<String, Integer> counts,
            Boolean drifted,
            boolean hasState,
            long recordedAtEpochMs) {
        this.fleet = fleet;
        this.key = key(fleet);
        this.operation = operation;
        this.dryRun = dryRun;
        this.revision = revision;
        this.durationMs = durationMs;
        this.counts = new TreeMap<>(counts);
        this.drifted = drifted;
        this.hasState = hasState;
        this.recordedAtEpochMs = recordedAtEpochMs;
    }

    /**
     * Writes the report, drift report and state into the build's folder and returns the action to
     * add to the build, stamped with the current time. Any of the three may be null.
     */
    public static GitOpsRunAction write(
            Run<?, ?> run, String fleet, String operation, ReconcileReport report, DriftReport drift, FleetState state)
            throws IOException {
        return write(run, fleet, operation, report, drift, state, System.currentTimeMillis());
    }

    /** {@link #write(Run, String, String, ReconcileReport, DriftReport, FleetState)} at a given time. */
    static GitOpsRunAction write(
            Run<?, ?> run,
            String fleet,
            String operation,
            ReconcileReport report,
            DriftReport drift,
            FleetState state,
            long recordedAtEpochMs)
            throws IOException {
        Path dir = directory(run.getRootDir(), fleet);
        Files.createDirectories(dir);
        Map<String, Integer> counts = new TreeMap<>();
        if (report != null) {
            Files.writeString(dir.resolve(REPORT), ReportJson.write(report), StandardCharsets.UTF_8);
            for (UnitReport unit : report.units()) {
                counts.merge(unit.status().toString(), 1, Integer::sum);
            }
        }
        if (drift != null) {
            Files.writeString(dir.resolve(DRIFT), MAPPER.writeValueAsString(drift), StandardCharsets.UTF_8);
        }
        if (state != null) {
            new JsonFileStateStore(dir.resolve(STATE)).save(fleet, state);
        }
        String revision = report != null ? report.revision() : drift != null ? drift.revision() : null;
        GitOpsRunAction action = new GitOpsRunAction(
                fleet,
                operation,
                report != null && report.dryRun(),
                revision,
                report == null ? 0 : report.durationMs(),
                counts,
                drift == null ? null : drift.drifted(),
                state != null,
                recordedAtEpochMs);
        action.run = run;
        return action;
    }

    /** A file-system-safe, stable name for the fleet's folder. */
    static String key(String fleet) {
        String safe = fleet.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.length() > 60) {
            safe = safe.substring(safe.length() - 60);
        }
        return safe + "-" + Integer.toHexString(fleet.hashCode());
    }

    static Path directory(File buildDir, String fleet) {
        return buildDir.toPath().resolve("gitops").resolve(key(fleet));
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getFleet() {
        return fleet;
    }

    public String getKey() {
        return key;
    }

    public String getOperation() {
        return operation;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getRevision() {
        return revision;
    }

    public long getDurationMs() {
        return durationMs;
    }

    /** Units by status word ({@code Ready}, {@code Failed}, {@code Skipped}, {@code Suspended}). */
    public Map<String, Integer> getCounts() {
        return Collections.unmodifiableMap(counts);
    }

    public int count(String status) {
        return counts.getOrDefault(status, 0);
    }

    /** Whether a diff found drift; null when this run was no diff. */
    public Boolean getDrifted() {
        return drifted;
    }

    public boolean hasState() {
        return hasState;
    }

    /**
     * When this run's reports were stored, epoch milliseconds; 0 when unknown (builds recorded
     * before the plugin kept it). The job page shows it for drift checks, whose report has no time.
     */
    public long getRecordedAtEpochMs() {
        return recordedAtEpochMs;
    }

    /** The full report as a JSON tree (the format of {@link ReportJson}), read once; empty when none. */
    public Map<String, Object> getReportTree() {
        Map<String, Object> tree = reportTree;
        if (tree == null) {
            tree = readTree(REPORT);
            reportTree = tree;
        }
        return tree;
    }

    /** The report of this build, read from its file; null when this run stored none. */
    public ReconcileReport loadReport() {
        Path file = file(REPORT);
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            return ReportJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The drift report of this build; null when this run was no diff. */
    public DriftReport loadDrift() {
        Path file = file(DRIFT);
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            return MAPPER.readValue(file.toFile(), DriftReport.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** What the build page draws ({@code index.jelly}, {@code summary.jelly}); null without a report. */
    public BuildPageModel getModel() {
        BuildPageModel current = model;
        if (current == null) {
            ReconcileReport report = loadReport();
            if (report == null) {
                return null;
            }
            current = BuildPageModel.of(report, UnitNode.fromReport(report));
            model = current;
        }
        return current;
    }

    /**
     * What the build page draws of a drift check ({@code index.jelly}, {@code summary.jelly}); null
     * when this run was no diff. With {@code correct: true} and drift found, the build has this and
     * {@link #getModel()}: the drift found, then the re-apply's report.
     */
    public DriftPageModel getDrift() {
        DriftPageModel current = driftModel;
        if (current == null) {
            DriftReport drift = loadDrift();
            if (drift == null) {
                return null;
            }
            current = DriftPageModel.of(drift);
            driftModel = current;
        }
        return current;
    }

    /**
     * The title of the build's GitOps page and summary box: the fleet's path from the run's report,
     * or, for a drift check alone (whose report has no path) or a run that stored no report, the
     * fleet's name.
     */
    public String getTitle() {
        return BuildPageModel.title(getModel(), fleet);
    }

    /**
     * The build's badge (failed units, drift found), from the summary kept in {@code build.xml}:
     * build histories draw many of them, so no report is read.
     */
    public BadgeModel getBadge() {
        return BadgeModel.of(count("Failed"), Boolean.TRUE.equals(drifted) ? 1 : 0);
    }

    /** The drift report as a JSON tree; empty when this run was no diff. */
    public Map<String, Object> getDriftTree() {
        return readTree(DRIFT);
    }

    /** The fleet's state after this build, or empty when it stored none. */
    public FleetState loadState() {
        Path file = file(STATE);
        if (!hasState || file == null || !Files.exists(file)) {
            return FleetState.EMPTY;
        }
        return new JsonFileStateStore(file).load(fleet);
    }

    private Map<String, Object> readTree(String name) {
        Path file = file(name);
        if (file == null || !Files.exists(file)) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(
                    MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String name) {
        return run == null ? null : directory(run.getRootDir(), fleet).resolve(name);
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "GitOps: " + fleet;
    }

    @Override
    public String getUrlName() {
        return "gitops-" + key.toLowerCase(Locale.ROOT);
    }
}
