package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.fleet.Problem;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.UnitState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;

/**
 * Runs a plan wave by wave. Units of a wave run in parallel up to the configured limit; a unit
 * starts only when every unit it waits for ({@code dependsOn} and its parent) is Ready in this run
 * — or, when not selected for this run, was Ready at its current revision and is still healthy.
 * A unit whose dependency is not Ready is skipped ({@code DependencyNotReady}) while independent
 * units go on. Interrupting the calling thread stops the run promptly; the report then holds what
 * was done and the rest as skipped ({@code Aborted}).
 */
public final class Reconciler {

    /** How long aborted units get to stop and report what they did. */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(10);

    private final UnitWork work;
    private final BiPredicate<PlannedUnit, UnitState> stillHealthy;

    /**
     * @param stillHealthy whether a unit that does not run now, last Ready with this state, is still
     *     healthy on the cluster
     */
    public Reconciler(UnitWork work, BiPredicate<PlannedUnit, UnitState> stillHealthy) {
        this.work = work;
        this.stillHealthy = stillHealthy;
    }

    public ReconcileReport run(
            Plan plan,
            FleetState previous,
            ReconcileOptions options,
            SecretRedactor redactor,
            ProgressListener listener) {
        long started = System.currentTimeMillis();
        RunContext context = new RunContext(plan, previous, options, redactor, listener);
        Map<String, UnitReport> reports = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), runner -> {
            Thread t = new Thread(runner, "gitops-reconcile");
            t.setDaemon(true);
            return t;
        });
        boolean aborted = false;
        try {
            for (List<String> wave : plan.waves()) {
                if (aborted) {
                    break;
                }
                aborted = !runWave(wave, context, pool, reports);
            }
        } finally {
            pool.shutdownNow();
        }
        List<UnitReport> ordered = new ArrayList<>();
        for (PlannedUnit unit : plan.units()) {
            if (!options.selects(unit.id())) {
                continue;
            }
            UnitReport report = reports.get(unit.id());
            if (report == null) {
                report = aborted
                        ? skipped(unit, "Aborted", "the run was aborted before this unit started")
                        : failed(unit, "DependencyCycle", unit.error() == null ? "not ordered" : unit.error());
            }
            ordered.add(report.withPlacement(unit.wave(), unit.dependsOn(), unit.parent()));
        }
        if (aborted) {
            Thread.currentThread().interrupt();
        }
        List<String> errors = plan.errors().stream()
                .map(Problem::message)
                .map(redactor::redact)
                .toList();
        return new ReconcileReport(
                plan.sourceUrl(),
                plan.revision(),
                plan.path(),
                options.dryRun(),
                ordered,
                context.events(),
                errors,
                started,
                System.currentTimeMillis() - started);
    }

    /** Runs one wave; false when the run was interrupted. */
    private boolean runWave(
            List<String> wave, RunContext context, ExecutorService pool, Map<String, UnitReport> reports) {
        Map<String, Future<UnitReport>> running = new LinkedHashMap<>();
        for (String id : wave) {
            PlannedUnit unit = context.plan().unit(id).orElseThrow();
            if (!context.options().selects(id)) {
                continue;
            }
            Optional<UnitReport> blocked = blocked(unit, context);
            if (blocked.isPresent()) {
                record(blocked.get(), context, reports);
                continue;
            }
            running.put(id, pool.submit(() -> work.run(unit, context)));
        }
        for (Map.Entry<String, Future<UnitReport>> entry : running.entrySet()) {
            try {
                record(entry.getValue().get(), context, reports);
            } catch (InterruptedException e) {
                abort(pool, running, context, reports);
                return false;
            } catch (ExecutionException e) {
                PlannedUnit unit = context.plan().unit(entry.getKey()).orElseThrow();
                record(failed(unit, "ReconciliationFailed", String.valueOf(e.getCause())), context, reports);
            }
        }
        return !Thread.currentThread().isInterrupted();
    }

    /**
     * Interrupts the running units and gives each a moment to stop and say what it did: a unit
     * that applied objects before it was stopped reports them. Units that do not answer in time are
     * left to the caller, which reports them as aborted.
     */
    private static void abort(
            ExecutorService pool,
            Map<String, Future<UnitReport>> running,
            RunContext context,
            Map<String, UnitReport> reports) {
        // A queued unit's Future is the very task the pool hands back as never started.
        Set<Object> neverStarted = Collections.newSetFromMap(new IdentityHashMap<>());
        neverStarted.addAll(pool.shutdownNow());
        long deadline = System.nanoTime() + ABORT_GRACE.toNanos();
        for (Future<UnitReport> f : running.values()) {
            if (neverStarted.contains(f)) {
                f.cancel(false);
                continue;
            }
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                record(f.get(left, TimeUnit.NANOSECONDS), context, reports);
            } catch (InterruptedException e) {
                break;
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // The caller reports this unit as aborted.
            }
        }
    }

    private static void record(UnitReport report, RunContext context, Map<String, UnitReport> reports) {
        reports.put(report.id(), report);
        context.finish(report);
    }

    /** Why the unit must not run now, if it must not. */
    private Optional<UnitReport> blocked(PlannedUnit unit, RunContext context) {
        if (unit.loaded().unit().suspend()) {
            context.info(unit.id(), "Suspended", "spec.suspend is true: skipped");
            return Optional.of(report(unit, UnitStatus.SUSPENDED, "Suspended", "spec.suspend is true"));
        }
        List<String> waitsFor = new ArrayList<>(unit.dependsOn());
        if (unit.parent() != null && !waitsFor.contains(unit.parent())) {
            waitsFor.add(unit.parent());
        }
        for (String dep : waitsFor) {
            String why = notReady(dep, context);
            if (why != null) {
                String message = "dependency " + dep + " is not ready: " + why;
                context.warning(unit.id(), "DependencyNotReady", message);
                return Optional.of(skipped(unit, "DependencyNotReady", message));
            }
        }
        return Optional.empty();
    }

    private String notReady(String dep, RunContext context) {
        Optional<UnitReport> done = context.finished(dep);
        if (done.isPresent()) {
            UnitStatus status = done.get().status();
            return status == UnitStatus.READY
                    ? null
                    : status + " (" + done.get().reason() + ")";
        }
        Optional<PlannedUnit> planned = context.plan().unit(dep);
        if (planned.isEmpty()) {
            return "it is not part of the fleet";
        }
        if (done.isEmpty() && context.options().selects(dep)) {
            return "it did not run";
        }
        Optional<UnitState> state = context.previous().unit(dep);
        String revision = planned.get().loaded().revision();
        if (state.isEmpty() || state.get().lastReadyRevision() == null) {
            return "it was never Ready";
        }
        if (!state.get().lastReadyRevision().equals(revision)) {
            return "it was last Ready at " + state.get().lastReadyRevision() + ", not at " + revision;
        }
        return stillHealthy.test(planned.get(), state.get()) ? null : "it is no longer healthy";
    }

    static UnitReport skipped(PlannedUnit unit, String reason, String message) {
        return report(unit, UnitStatus.SKIPPED, reason, message);
    }

    static UnitReport failed(PlannedUnit unit, String reason, String message) {
        return report(unit, UnitStatus.FAILED, reason, message);
    }

    private static UnitReport report(PlannedUnit unit, UnitStatus status, String reason, String message) {
        return new UnitReport(
                unit.id(),
                unit.loaded().unit().kind().kind(),
                status,
                reason,
                message,
                unit.loaded().revision(),
                List.of(),
                List.of(),
                List.of(),
                0);
    }
}
