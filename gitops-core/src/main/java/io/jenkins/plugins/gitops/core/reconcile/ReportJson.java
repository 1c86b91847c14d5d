package io.jenkins.plugins.gitops.core.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as JSON, in the documented format ({@code docs/report-json.md}); fields are only added. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static Map<String, Object> toTree(ReconcileReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("url", report.source());
        source.put("revision", report.revision());
        root.put("source", source);
        root.put("path", report.path());
        root.put("dryRun", report.dryRun());
        root.put("ready", report.ready());
        root.put("startedAt", report.startedAtEpochMs());
        root.put("durationMs", report.durationMs());
        List<Object> units = new ArrayList<>();
        for (UnitReport u : report.units()) {
            units.add(unit(u));
        }
        root.put("units", units);
        List<Object> events = new ArrayList<>();
        for (Event e : report.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("atMs", e.atMs());
            event.put("unit", e.unit());
            event.put("severity", e.severity());
            event.put("reason", e.reason());
            event.put("message", e.message());
            events.add(event);
        }
        root.put("events", events);
        root.put("errors", report.errors());
        return root;
    }

    private static Map<String, Object> unit(UnitReport u) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", u.id());
        unit.put("kind", u.kind());
        unit.put("status", u.status().toString());
        unit.put("reason", u.reason());
        unit.put("message", u.message());
        unit.put("revision", u.revision());
        List<Object> changes = new ArrayList<>();
        for (Change c : u.changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("object", c.object());
            change.put("action", c.action().toString());
            if (c.message() != null) {
                change.put("message", c.message());
            }
            changes.add(change);
        }
        unit.put("changes", changes);
        unit.put("inventory", u.inventory());
        List<Object> health = new ArrayList<>();
        for (ObjectHealth h : u.health()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("object", h.object());
            entry.put("status", h.status().toString());
            entry.put("message", h.message());
            health.add(entry);
        }
        unit.put("health", health);
        unit.put("durationMs", u.durationMs());
        unit.put("wave", u.wave());
        unit.put("dependsOn", u.dependsOn());
        unit.put("parent", u.parent());
        return unit;
    }

    public static String write(ReconcileReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /**
     * Reads a report written by {@link #write}; the Jenkins layer keeps reports as JSON files and
     * draws them from there.
     *
     * @throws IllegalArgumentException when the text is not such a report
     */
    public static ReconcileReport read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<UnitReport> units = new ArrayList<>();
            for (JsonNode u : root.path("units")) {
                List<Change> changes = new ArrayList<>();
                for (JsonNode c : u.path("changes")) {
                    changes.add(new Change(
                            c.path("object").asText(),
                            Action.valueOf(c.path("action").asText().toUpperCase(Locale.ROOT)),
                            text(c.get("message"))));
                }
                List<ObjectHealth> health = new ArrayList<>();
                for (JsonNode h : u.path("health")) {
                    health.add(new ObjectHealth(
                            h.path("object").asText(),
                            healthStatus(h.path("status").asText()),
                            text(h.get("message"))));
                }
                units.add(new UnitReport(
                        u.path("id").asText(),
                        u.path("kind").asText(),
                        unitStatus(u.path("status").asText()),
                        text(u.get("reason")),
                        text(u.get("message")),
                        text(u.get("revision")),
                        changes,
                        strings(u.path("inventory")),
                        health,
                        u.path("durationMs").asLong(),
                        u.hasNonNull("wave") ? u.get("wave").asInt() : null,
                        strings(u.path("dependsOn")),
                        text(u.get("parent"))));
            }
            List<Event> events = new ArrayList<>();
            for (JsonNode e : root.path("events")) {
                events.add(new Event(
                        e.path("atMs").asLong(),
                        e.path("unit").asText(),
                        e.path("severity").asText(),
                        e.path("reason").asText(),
                        e.path("message").asText()));
            }
            return new ReconcileReport(
                    text(root.path("source").get("url")),
                    text(root.path("source").get("revision")),
                    text(root.get("path")),
                    root.path("dryRun").asBoolean(),
                    units,
                    events,
                    strings(root.path("errors")),
                    root.path("startedAt").asLong(),
                    root.path("durationMs").asLong());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a gitops report: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static UnitStatus unitStatus(String word) {
        for (UnitStatus s : UnitStatus.values()) {
            if (s.toString().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown unit status " + word);
    }

    private static HealthStatus healthStatus(String word) {
        for (HealthStatus s : HealthStatus.values()) {
            if (s.toString().equals(word)) {
                return s;
            }
        }
        return HealthStatus.UNKNOWN;
    }
}
