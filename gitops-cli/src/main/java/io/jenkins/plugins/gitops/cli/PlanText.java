package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.fleet.Problem;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import java.util.List;

/** The plan for people: waves, units with kind, dependencies, revision and object count. */
final class PlanText {

    private PlanText() {}

    static String write(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Fleet ")
                .append(plan.sourceUrl())
                .append(" at ")
                .append(plan.revision() == null ? "(no revision)" : plan.revision())
                .append(", path ")
                .append(plan.path())
                .append('\n');
        out.append(plan.units().size())
                .append(plan.units().size() == 1 ? " unit in " : " units in ")
                .append(plan.waves().size())
                .append(plan.waves().size() == 1 ? " wave" : " waves")
                .append('\n');
        for (int w = 0; w < plan.waves().size(); w++) {
            out.append("\nWave ").append(w).append('\n');
            for (String id : plan.waves().get(w)) {
                plan.unit(id).ifPresent(u -> unit(out, u));
            }
        }
        List<PlannedUnit> unordered =
                plan.units().stream().filter(u -> u.wave() == null).toList();
        if (!unordered.isEmpty()) {
            out.append("\nNot ordered (dependency cycle)\n");
            unordered.forEach(u -> unit(out, u));
        }
        if (!plan.errors().isEmpty()) {
            out.append("\n")
                    .append(plan.errors().size())
                    .append(plan.errors().size() == 1 ? " error" : " errors")
                    .append('\n');
            for (Problem p : plan.errors()) {
                out.append("  [")
                        .append(p.type().jsonName())
                        .append("] ")
                        .append(p.message())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void unit(StringBuilder out, PlannedUnit u) {
        out.append("  ").append(u.loaded().unit().kind().kind()).append(' ').append(u.id());
        if (u.error() != null) {
            out.append("  FAILED");
        } else if (u.loaded().rendered()) {
            int objects = u.loaded().manifests().size();
            out.append("  ").append(objects).append(objects == 1 ? " object" : " objects");
        }
        if (u.loaded().revision() != null) {
            out.append("  ").append(shortRevision(u.loaded().revision()));
        }
        out.append('\n');
        if (!u.dependsOn().isEmpty()) {
            out.append("      depends on ")
                    .append(String.join(", ", u.dependsOn()))
                    .append('\n');
        }
        if (u.error() != null) {
            out.append("      error: ").append(u.error()).append('\n');
        }
        for (String note : u.loaded().notes()) {
            out.append("      note: ").append(note).append('\n');
        }
    }

    /** {@code main@sha1:0123456789ab} instead of the whole hash. */
    static String shortRevision(String revision) {
        int at = revision.lastIndexOf(':');
        return at > 0 && revision.length() - at > 13 ? revision.substring(0, at + 13) : revision;
    }
}
