package io.jenkins.plugins.gitops.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.core.fleet.LoadedUnit;
import io.jenkins.plugins.gitops.core.fleet.Problem;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan as JSON, in the documented, stable format ({@code docs/plan-json.md}). Fields are only
 * ever added, never renamed or removed.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    /** The plan as a tree of maps and lists, ready for any JSON writer. */
    public static Map<String, Object> toTree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("url", plan.sourceUrl());
        source.put("revision", plan.revision());
        root.put("source", source);
        root.put("path", plan.path());
        List<Object> units = new ArrayList<>();
        for (PlannedUnit u : plan.units()) {
            units.add(unit(u));
        }
        root.put("units", units);
        root.put("waves", plan.waves());
        List<Object> errors = new ArrayList<>();
        for (Problem p : plan.errors()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", p.type().jsonName());
            e.put("message", p.message());
            e.put("units", p.units());
            errors.add(e);
        }
        root.put("errors", errors);
        return root;
    }

    private static Map<String, Object> unit(PlannedUnit planned) {
        LoadedUnit loaded = planned.loaded();
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", planned.id());
        u.put("kind", loaded.unit().kind().kind());
        u.put("dependsOn", planned.dependsOn());
        u.put("wave", planned.wave());
        u.put("parent", planned.parent());
        u.put("path", loaded.unit().path());
        u.put("objects", loaded.manifests().size());
        Map<String, Integer> kinds = new TreeMap<>();
        for (Manifest m : loaded.manifests()) {
            kinds.merge(m.kind(), 1, Integer::sum);
        }
        u.put("kinds", kinds);
        u.put("error", planned.error());
        u.put("revision", loaded.revision());
        u.put("file", loaded.unit().origin());
        u.put("notes", loaded.notes());
        return u;
    }

    /** The plan as indented JSON text. */
    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(toTree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }
}
