package io.jenkins.plugins.gitops.core.plan;

import io.jenkins.plugins.gitops.core.fleet.Dependency;
import io.jenkins.plugins.gitops.core.fleet.Fleet;
import io.jenkins.plugins.gitops.core.fleet.LoadedUnit;
import io.jenkins.plugins.gitops.core.fleet.Problem;
import io.jenkins.plugins.gitops.core.fleet.Unit;
import io.jenkins.plugins.gitops.core.fleet.UnitId;
import io.jenkins.plugins.gitops.core.fleet.UnitKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The units of a fleet and what each waits for: its {@code dependsOn} entries (across kinds too)
 * and, implicitly, the parent that renders it. Orders them into waves and reports cycles and
 * dependencies that name no unit.
 */
public final class DependencyGraph {

    private final Map<String, LoadedUnit> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> edges = new HashMap<>();
    private final Map<String, List<String>> declaredDeps = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, List<String>> unitErrors = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private DependencyGraph(List<LoadedUnit> units) {
        Map<String, String> ids = assignIds(units);
        for (LoadedUnit u : units) {
            byId.put(ids.get(key(u.unit())), u);
        }
        for (LoadedUnit u : units) {
            String id = ids.get(key(u.unit()));
            List<String> out = new ArrayList<>();
            List<String> declared = new ArrayList<>();
            for (Dependency dep : u.unit().dependsOn()) {
                String target = resolve(dep, u.unit().kind(), ids);
                if (target == null) {
                    declared.add(dep.target().toString());
                    missing(id, u.unit(), dep);
                } else {
                    declared.add(target);
                    out.add(target);
                }
            }
            if (u.unit().parent() != null) {
                String parent =
                        ids.get(UnitKind.KUSTOMIZATION.kind() + "/" + u.unit().parent());
                parents.put(id, parent);
                if (parent != null && !out.contains(parent)) {
                    out.add(parent);
                }
            }
            edges.put(id, out);
            declaredDeps.put(id, declared);
        }
    }

    /** Builds the graph of a loaded fleet. */
    public static DependencyGraph of(Fleet fleet) {
        return new DependencyGraph(fleet.units());
    }

    /**
     * Ids are {@code namespace/name}; a HelmRelease that shares them with a Kustomization is told
     * apart by its kind, because dependencies may cross kinds.
     */
    private static Map<String, String> assignIds(List<LoadedUnit> units) {
        Set<UnitId> kustomizations = new HashSet<>();
        for (LoadedUnit u : units) {
            if (u.unit().kind() == UnitKind.KUSTOMIZATION) {
                kustomizations.add(u.unit().id());
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (LoadedUnit u : units) {
            Unit unit = u.unit();
            boolean clash = unit.kind() != UnitKind.KUSTOMIZATION && kustomizations.contains(unit.id());
            ids.put(
                    key(unit),
                    clash ? unit.kind().kind() + "/" + unit.id() : unit.id().toString());
        }
        return ids;
    }

    /** Same kind first; then any kind, so a Kustomization may wait for a HelmRelease. */
    private static String resolve(Dependency dep, UnitKind ownKind, Map<String, String> ids) {
        if (dep.kind() != null) {
            return ids.get(dep.kind() + "/" + dep.target());
        }
        String same = ids.get(ownKind.kind() + "/" + dep.target());
        if (same != null) {
            return same;
        }
        for (UnitKind kind : UnitKind.values()) {
            String other = ids.get(kind.kind() + "/" + dep.target());
            if (other != null) {
                return other;
            }
        }
        return null;
    }

    private void missing(String id, Unit unit, Dependency dep) {
        String message = unit.describe() + " (" + unit.origin() + ") depends on "
                + (dep.kind() == null ? "" : dep.kind() + " ") + dep.target()
                + ", which no Kustomization or HelmRelease in the fleet declares — fix spec.dependsOn or add the unit";
        problems.add(new Problem(Problem.Type.MISSING_DEPENDENCY, message, List.of(id)));
        unitErrors.computeIfAbsent(id, k -> new ArrayList<>()).add("dependency " + dep.target() + " not found");
    }

    private static String key(Unit u) {
        return u.kind().kind() + "/" + u.id();
    }

    /**
     * Orders the units: each unit's wave is one more than the highest wave of what it waits for.
     * Units on a cycle, and those that wait for them, get no wave.
     */
    public Plan plan(Fleet fleet) {
        List<List<String>> cycles = cycles();
        Set<String> blocked = new HashSet<>();
        for (List<String> cycle : cycles) {
            blocked.addAll(cycle);
            String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
            List<String> files = cycle.stream()
                    .map(id -> byId.get(id).unit().origin())
                    .distinct()
                    .toList();
            problems.add(new Problem(
                    Problem.Type.CYCLE,
                    "dependency cycle: " + path + " (declared in " + String.join(", ", files)
                            + ") — remove one of these dependsOn entries",
                    cycle));
            for (String id : cycle) {
                unitErrors.computeIfAbsent(id, k -> new ArrayList<>()).add("on a dependency cycle: " + path);
            }
        }
        Map<String, Integer> waves = new HashMap<>();
        for (String id : byId.keySet()) {
            wave(id, waves, blocked, new HashSet<>());
        }
        for (String id : byId.keySet()) {
            if (!waves.containsKey(id) && !blocked.contains(id)) {
                blocked.add(id);
                unitErrors.computeIfAbsent(id, k -> new ArrayList<>()).add("waits for a unit on a dependency cycle");
            }
        }
        TreeMap<Integer, List<String>> byWave = new TreeMap<>();
        waves.forEach(
                (id, w) -> byWave.computeIfAbsent(w, k -> new ArrayList<>()).add(id));
        List<List<String>> waveList = new ArrayList<>();
        byWave.values().forEach(ids -> waveList.add(ids.stream().sorted().toList()));

        List<PlannedUnit> planned = new ArrayList<>();
        List<String> order = new ArrayList<>(byId.keySet());
        order.sort(Comparator.comparing((String id) -> waves.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        for (String id : order) {
            LoadedUnit u = byId.get(id);
            List<String> errors = new ArrayList<>();
            if (u.error() != null) {
                errors.add(u.error());
            }
            errors.addAll(unitErrors.getOrDefault(id, List.of()));
            planned.add(new PlannedUnit(
                    u,
                    id,
                    declaredDeps.get(id),
                    parents.get(id),
                    waves.get(id),
                    errors.isEmpty() ? null : String.join("; ", errors)));
        }
        List<Problem> all = new ArrayList<>(fleet.problems());
        all.addAll(problems);
        return new Plan(fleet.sourceUrl(), fleet.revision(), fleet.path(), planned, waveList, all);
    }

    private Integer wave(String id, Map<String, Integer> waves, Set<String> blocked, Set<String> visiting) {
        if (waves.containsKey(id)) {
            return waves.get(id);
        }
        if (blocked.contains(id) || !visiting.add(id)) {
            return null;
        }
        int w = 0;
        for (String dep : edges.getOrDefault(id, List.of())) {
            Integer d = wave(dep, waves, blocked, visiting);
            if (d == null) {
                return null;
            }
            w = Math.max(w, d + 1);
        }
        waves.put(id, w);
        return w;
    }

    /**
     * Every elementary cycle found by a depth-first search from each unit in id order, each
     * reported once, starting at its smallest id.
     */
    List<List<String>> cycles() {
        Set<String> seen = new LinkedHashSet<>();
        List<List<String>> result = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
        List<String> ids = new ArrayList<>(byId.keySet());
        ids.sort(Comparator.naturalOrder());
        for (String id : ids) {
            dfs(id, state, new ArrayList<>(), seen, result);
        }
        return result;
    }

    private void dfs(
            String id, Map<String, Integer> state, List<String> stack, Set<String> seen, List<List<String>> out) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            int min =
                    cycle.indexOf(cycle.stream().min(Comparator.naturalOrder()).orElseThrow());
            List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
            rotated.addAll(cycle.subList(0, min));
            if (seen.add(String.join(" ", rotated))) {
                out.add(rotated);
            }
            return;
        }
        state.put(id, 1);
        stack.add(id);
        List<String> next = new ArrayList<>(edges.getOrDefault(id, List.of()));
        next.sort(Comparator.naturalOrder());
        for (String n : next) {
            dfs(n, state, stack, seen, out);
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
    }
}
