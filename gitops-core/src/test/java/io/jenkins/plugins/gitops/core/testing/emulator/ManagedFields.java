package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code metadata.managedFields} of one object: one entry per manager and operation, each with the
 * set of fields it owns. Server-side apply and plain writes both go through here.
 */
final class ManagedFields {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /** One {@code managedFields} entry. */
    static final class Entry {
        final String manager;
        final String operation;
        String apiVersion;
        String time;
        FieldSet fields;

        Entry(String manager, String operation, String apiVersion, String time, FieldSet fields) {
            this.manager = manager;
            this.operation = operation;
            this.apiVersion = apiVersion;
            this.time = time;
            this.fields = fields;
        }

        boolean is(String manager, String operation) {
            return this.manager.equals(manager) && this.operation.equals(operation);
        }
    }

    /** A field another manager owns with a different value than the one applied. */
    record Conflict(String manager, String operation, String apiVersion, List<String> path) {

        /** {@code "kubectl"} for an Apply manager, {@code "kubectl" using v1} for an Update one, as the real server. */
        String printedManager() {
            String quoted = "\"" + manager + "\"";
            return operation.equals(UPDATE) ? quoted + " using " + apiVersion : quoted;
        }
    }

    private final List<Entry> entries;

    private ManagedFields(List<Entry> entries) {
        this.entries = entries;
    }

    static ManagedFields of(JsonNode object) {
        List<Entry> entries = new ArrayList<>();
        if (object != null) {
            for (JsonNode entry : object.path("metadata").path("managedFields")) {
                entries.add(new Entry(
                        entry.path("manager").asText(""),
                        entry.path("operation").asText(UPDATE),
                        entry.path("apiVersion").asText(""),
                        entry.path("time").asText(null),
                        FieldSet.fromFieldsV1(entry.path("fieldsV1"))));
            }
        }
        return new ManagedFields(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The fields of every entry but the given one. */
    private List<Entry> others(String manager, String operation) {
        return entries.stream().filter(e -> !e.is(manager, operation)).toList();
    }

    private Entry entry(String manager, String operation, String apiVersion) {
        for (Entry entry : entries) {
            if (entry.is(manager, operation)) {
                return entry;
            }
        }
        Entry entry = new Entry(manager, operation, apiVersion, JsonTrees.now(), FieldSet.empty());
        entries.add(entry);
        return entry;
    }

    /** Leaves the applied config would change that another manager owns. */
    List<Conflict> conflicts(JsonNode live, JsonNode applied, FieldSet appliedFields, String manager) {
        List<Conflict> conflicts = new ArrayList<>();
        if (live == null) {
            return conflicts;
        }
        for (Entry other : others(manager, APPLY)) {
            for (List<String> path : appliedFields.paths()) {
                if (!FieldSet.isElement(path)
                        && other.fields.contains(path)
                        && !JsonTrees.same(FieldSet.resolve(live, path), FieldSet.resolve(applied, path))) {
                    conflicts.add(new Conflict(other.manager, other.operation, other.apiVersion, path));
                }
            }
        }
        return conflicts;
    }

    /**
     * Records an apply: forced conflicts move to the applier, fields it applied before and no longer
     * applies are removed from {@code result} unless another manager owns them.
     */
    void recordApply(
            ObjectNode result, FieldSet appliedFields, List<Conflict> forced, String manager, String apiVersion) {
        for (Conflict conflict : forced) {
            for (Entry other : entries) {
                if (other.is(conflict.manager(), conflict.operation())) {
                    other.fields.remove(conflict.path());
                }
            }
        }
        Entry mine = entry(manager, APPLY, apiVersion);
        List<List<String>> dropped = new ArrayList<>();
        for (List<String> path : mine.fields.paths()) {
            if (!appliedFields.contains(path)) {
                dropped.add(path);
            }
        }
        dropped.sort(Comparator.comparingInt((List<String> p) -> p.size()).reversed());
        List<Entry> others = others(manager, APPLY);
        for (List<String> path : dropped) {
            boolean ownedElsewhere = others.stream().anyMatch(e -> e.fields.ownsWithin(path));
            if (!ownedElsewhere && !appliedFields.ownsWithin(path)) {
                FieldSet.remove(result, path);
            }
        }
        if (!mine.fields.equals(appliedFields)) {
            mine.time = JsonTrees.now();
        }
        mine.fields = appliedFields.copy();
        mine.apiVersion = apiVersion;
        dropEmpty();
    }

    /**
     * Records a plain write: the writer takes the fields whose values it changed, fields that are
     * gone are released by everyone.
     */
    void recordUpdate(JsonNode before, JsonNode after, String manager, String apiVersion) {
        FieldSet now = FieldSet.of(after);
        List<List<String>> changed = new ArrayList<>();
        for (List<String> path : now.paths()) {
            JsonNode old = before == null ? null : FieldSet.resolve(before, path);
            boolean isNew = old == null;
            if (isNew || (!FieldSet.isElement(path) && !JsonTrees.same(old, FieldSet.resolve(after, path)))) {
                changed.add(path);
            }
        }
        for (Entry entry : entries) {
            entry.fields.paths().removeIf(p -> !now.contains(p) || (changed.contains(p) && !entry.is(manager, UPDATE)));
        }
        if (!changed.isEmpty()) {
            Entry mine = entry(manager, UPDATE, apiVersion);
            changed.forEach(mine.fields::add);
            mine.time = JsonTrees.now();
            mine.apiVersion = apiVersion;
        }
        dropEmpty();
    }

    private void dropEmpty() {
        entries.removeIf(e -> e.fields.isEmpty());
    }

    ArrayNode toJson() {
        ArrayNode list = JsonTrees.JSON.createArrayNode();
        for (Entry entry : entries) {
            ObjectNode node = list.addObject();
            node.put("manager", entry.manager);
            node.put("operation", entry.operation);
            node.put("apiVersion", entry.apiVersion);
            node.put("time", Objects.requireNonNullElse(entry.time, JsonTrees.now()));
            node.put("fieldsType", "FieldsV1");
            node.set("fieldsV1", entry.fields.toFieldsV1());
        }
        return list;
    }

    /** The real server's conflict message: one line for one conflict, grouped by manager for more. */
    static String message(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + c.printedManager() + ": "
                    + FieldSet.display(c.path());
        }
        Map<String, List<String>> byManager = new LinkedHashMap<>();
        conflicts.stream().sorted(Comparator.comparing(Conflict::manager)).forEach(c -> byManager
                .computeIfAbsent(c.printedManager(), k -> new ArrayList<>())
                .add(FieldSet.display(c.path())));
        List<String> lines = new ArrayList<>();
        byManager.forEach((manager, paths) -> {
            lines.add("conflicts with " + manager + ":");
            paths.forEach(p -> lines.add("- " + p));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
