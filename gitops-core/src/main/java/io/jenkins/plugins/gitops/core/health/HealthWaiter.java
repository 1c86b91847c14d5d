package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for objects to become Current by polling the cluster, as Flux's health check does with
 * kstatus: the wait ends as soon as every object is Current or any is Failed, or when the timeout
 * passes. An object that does not exist (yet) is NotFound and waited for; an object whose health
 * cannot be read is Unknown and waited for.
 */
public final class HealthWaiter {

    /** Sleeps between polls; tests pass one that only moves a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ClusterClient cluster;
    private final HealthChecks checks;
    private final Clock clock;
    private final Sleeper sleeper;

    public HealthWaiter(ClusterClient cluster, HealthChecks checks) {
        this(cluster, checks, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public HealthWaiter(ClusterClient cluster, HealthChecks checks, Clock clock, Sleeper sleeper) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Polls {@code refs} until all are Current, one is Failed, or {@code options.timeout()} passes.
     * Interrupting the thread ends the wait with what is known so far and the interrupt flag set.
     */
    public HealthReport waitFor(List<ResourceRef> refs, WaitOptions options) {
        Instant deadline = clock.instant().plus(options.timeout());
        Duration backoff = options.initialBackoff();
        List<ObjectHealth> latest = notChecked(refs);
        while (true) {
            if (!poll(refs, latest)) {
                return HealthReport.interrupted(latest);
            }
            if (latest.stream().anyMatch(o -> o.status() == HealthStatus.FAILED)) {
                return HealthReport.failed(latest);
            }
            if (latest.stream().allMatch(o -> o.status() == HealthStatus.CURRENT)) {
                return HealthReport.allCurrent(latest);
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return HealthReport.timedOut(latest);
            }
            try {
                sleeper.sleep(backoff.compareTo(remaining) < 0 ? backoff : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthReport.interrupted(latest);
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(options.maxBackoff()) < 0 ? doubled : options.maxBackoff();
        }
    }

    /**
     * One look at every object, updating {@code latest} in place so an interrupted poll keeps what
     * it learnt; false when interrupted, with the flag set.
     */
    private boolean poll(List<ResourceRef> refs, List<ObjectHealth> latest) {
        for (int i = 0; i < refs.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            ResourceRef ref = refs.get(i);
            try {
                latest.set(i, health(ref));
            } catch (ClusterException e) {
                if (e.reason() == ClusterException.Reason.INTERRUPTED) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                latest.set(i, new ObjectHealth(ref.toString(), HealthStatus.UNKNOWN, e.getMessage()));
            }
        }
        return !Thread.currentThread().isInterrupted();
    }

    private ObjectHealth health(ResourceRef ref) {
        Optional<Manifest> live = cluster.get(ref);
        if (live.isEmpty()) {
            return new ObjectHealth(ref.toString(), HealthStatus.NOT_FOUND, "not found");
        }
        Health health = checks.check(live.get(), clock.instant());
        return new ObjectHealth(ref.toString(), health.status(), health.message());
    }

    private static List<ObjectHealth> notChecked(List<ResourceRef> refs) {
        List<ObjectHealth> result = new ArrayList<>(refs.size());
        refs.forEach(ref -> result.add(new ObjectHealth(ref.toString(), HealthStatus.UNKNOWN, "not checked yet")));
        return result;
    }
}
