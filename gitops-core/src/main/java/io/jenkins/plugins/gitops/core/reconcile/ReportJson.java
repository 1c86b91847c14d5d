package io.jenkins.plugins.gitops.core.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        return unit;
    }

    public static String write(ReconcileReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
