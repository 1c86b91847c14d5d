package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.state.FleetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run shares between its units: the plan, the previous state, the options, the reports
 * of units that finished, and the event log. Every message that enters it is redacted.
 */
public final class RunContext {

    private final Plan plan;
    private final FleetState previous;
    private final ReconcileOptions options;
    private final SecretRedactor redactor;
    private final ProgressListener listener;
    private final long startNanos = System.nanoTime();
    private final Map<String, UnitReport> finished = new ConcurrentHashMap<>();
    private final List<Event> events = new ArrayList<>();

    public RunContext(
            Plan plan,
            FleetState previous,
            ReconcileOptions options,
            SecretRedactor redactor,
            ProgressListener listener) {
        this.plan = plan;
        this.previous = previous;
        this.options = options;
        this.redactor = redactor;
        this.listener = listener;
    }

    public Plan plan() {
        return plan;
    }

    public FleetState previous() {
        return previous;
    }

    public ReconcileOptions options() {
        return options;
    }

    public SecretRedactor redactor() {
        return redactor;
    }

    /** The report of a unit that finished in this run. */
    public Optional<UnitReport> finished(String unitId) {
        return Optional.ofNullable(finished.get(unitId));
    }

    void finish(UnitReport report) {
        finished.put(report.id(), report);
    }

    /** Records an event (redacted) and tells the listener. */
    public void event(String unit, String severity, String reason, String message) {
        Event event = new Event(elapsedMs(), unit, severity, reason, redactor.redact(message));
        synchronized (events) {
            events.add(event);
        }
        listener.onEvent(event);
    }

    public void info(String unit, String reason, String message) {
        event(unit, "Normal", reason, message);
    }

    public void warning(String unit, String reason, String message) {
        event(unit, "Warning", reason, message);
    }

    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
