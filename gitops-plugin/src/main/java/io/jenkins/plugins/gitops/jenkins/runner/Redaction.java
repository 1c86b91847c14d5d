package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the values only the Jenkins layer knows as secret (a Git token from a credential, a
 * kubeconfig's token) in what goes back to the controller and into the build's files: a remote URL
 * with a user info part, or an error message quoting it, would otherwise carry them.
 */
final class Redaction {

    private Redaction() {}

    static AgentResult result(AgentResult r, SecretRedactor redactor) {
        if (redactor.isEmpty()) {
            return r;
        }
        return new AgentResult(
                r.operation(),
                r.report() == null ? null : report(r.report(), redactor),
                r.plan() == null ? null : tree(r.plan(), redactor),
                r.drift() == null ? null : drift(r.drift(), redactor),
                r.health() == null ? null : health(r.health(), redactor),
                r.state(),
                r.interrupted());
    }

    static DriftReport drift(DriftReport d, SecretRedactor redactor) {
        return new DriftReport(
                d.revision(),
                d.units().stream()
                        .map(u -> new DriftReport.UnitDrift(
                                u.id(),
                                u.diffs().stream()
                                        .map(diff -> new Diff(
                                                diff.object(),
                                                diff.action(),
                                                diff.drifted(),
                                                diff.text() == null ? null : redactor.redact(diff.text())))
                                        .toList(),
                                u.error() == null ? null : redactor.redact(u.error())))
                        .toList());
    }

    static AgentResult.Health health(AgentResult.Health h, SecretRedactor redactor) {
        return new AgentResult.Health(
                h.status(),
                h.summary() == null ? null : redactor.redact(h.summary()),
                h.objects().stream().map(redactor::redact).toList());
    }

    static ReconcileReport report(ReconcileReport r, SecretRedactor redactor) {
        List<UnitReport> units = r.units().stream()
                .map(u -> new UnitReport(
                        u.id(),
                        u.kind(),
                        u.status(),
                        u.reason(),
                        u.message() == null ? null : redactor.redact(u.message()),
                        u.revision(),
                        u.changes(),
                        u.inventory(),
                        u.health(),
                        u.durationMs(),
                        u.wave(),
                        u.dependsOn(),
                        u.parent()))
                .toList();
        List<Event> events = r.events().stream()
                .map(e -> new Event(
                        e.atMs(),
                        e.unit(),
                        e.severity(),
                        e.reason(),
                        e.message() == null ? null : redactor.redact(e.message())))
                .toList();
        List<String> errors = r.errors().stream().map(redactor::redact).toList();
        return new ReconcileReport(
                r.source() == null ? null : redactor.redact(r.source()),
                r.revision(),
                r.path(),
                r.dryRun(),
                units,
                events,
                errors,
                r.startedAtEpochMs(),
                r.durationMs());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Map<String, Object> map, SecretRedactor redactor) {
        return (Map<String, Object>) value(map, redactor);
    }

    private static Object value(Object v, SecretRedactor redactor) {
        if (v instanceof String s) {
            return redactor.redact(s);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), value(x, redactor)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(x -> copy.add(value(x, redactor)));
            return copy;
        }
        return v;
    }
}
