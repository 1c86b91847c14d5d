package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import java.util.Map;
import java.util.TreeMap;

/** Reports and progress for people. */
final class ReportText {

    private ReportText() {}

    /** One progress line: {@code [  1.2s] flux-system/apps Applied: applied 5 objects (2 changed)}. */
    static String event(Event e) {
        return String.format("[%6.1fs] %s %s: %s", e.atMs() / 1000.0, e.unit(), e.reason(), e.message());
    }

    static String summary(ReconcileReport report) {
        StringBuilder out = new StringBuilder("\n");
        out.append(report.dryRun() ? "Dry run of " : "Applied ")
                .append(report.source())
                .append(" at ")
                .append(report.revision())
                .append(", path ")
                .append(report.path())
                .append(" in ")
                .append(report.durationMs() / 1000)
                .append(" s\n");
        for (UnitReport u : report.units()) {
            out.append(String.format("  %-9s %s  %s", u.status(), u.id(), u.reason()));
            Map<Action, Integer> counts = new TreeMap<>();
            for (Change c : u.changes()) {
                counts.merge(c.action(), 1, Integer::sum);
            }
            if (!counts.isEmpty()) {
                out.append("  ")
                        .append(counts.toString()
                                .replace("{", "(")
                                .replace("}", ")")
                                .replace("=", " "));
            }
            out.append('\n');
            if (!u.status().toString().equals("Ready")
                    && u.message() != null
                    && !u.message().isEmpty()) {
                out.append("            ").append(u.message()).append('\n');
            }
        }
        for (String error : report.errors()) {
            out.append("  error: ").append(error).append('\n');
        }
        out.append(report.ready() ? "All units Ready\n" : "Not all units are Ready\n");
        return out.toString();
    }
}
