package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run means for the build, and what a Pipeline step returns to the script (plain maps,
 * lists and strings, which CPS can keep).
 */
public record Outcome(AgentResult result, List<String> failures) {

    public Outcome {
        failures = List.copyOf(failures);
    }

    static Outcome of(AgentResult result) {
        List<String> failures = new ArrayList<>();
        if (result.report() != null) {
            failures.addAll(failures(result.report()));
        }
        if (result.plan() != null && result.plan().get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                if (e instanceof Map<?, ?> m) {
                    failures.add("plan: " + m.get("message"));
                }
            }
        }
        if (result.health() != null && !result.health().current()) {
            failures.add("health: " + result.health().summary());
        }
        return new Outcome(result, failures);
    }

    /** Failed units, units skipped because a dependency failed, and run-level errors. */
    static List<String> failures(ReconcileReport report) {
        List<String> failures = new ArrayList<>(report.errors());
        for (UnitReport unit : report.units()) {
            if (unit.status() == UnitStatus.FAILED
                    || unit.status() == UnitStatus.SKIPPED && "DependencyNotReady".equals(unit.reason())) {
                failures.add(unit.id() + " " + unit.status() + " (" + unit.reason() + ")"
                        + (unit.message() == null || unit.message().isBlank() ? "" : ": " + unit.message()));
            }
        }
        return failures;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /** {@code gitopsApply}'s value: per unit id, its status, reason, revision and message. */
    public Map<String, Object> unitsMap() {
        Map<String, Object> units = new LinkedHashMap<>();
        ReconcileReport report = result.report();
        if (report == null) {
            return units;
        }
        for (UnitReport unit : report.units()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("status", unit.status().toString());
            u.put("reason", unit.reason());
            u.put("revision", unit.revision());
            u.put("message", unit.message());
            units.put(unit.id(), u);
        }
        return units;
    }

    /** {@code gitopsPlan}'s value: the plan's JSON tree (source, path, units, waves, errors). */
    public Map<String, Object> planMap() {
        return result.plan() == null ? Map.of() : result.plan();
    }

    /** {@code gitopsDiff}'s value: whether anything drifted (or could not be compared). */
    public boolean drifted() {
        return result.drift() != null && result.drift().drifted();
    }
}
