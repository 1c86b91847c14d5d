package io.jenkins.plugins.gitops.core.cluster;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a cluster client retries what is retryable (429, 5xx, connection errors): exponential backoff
 * from {@code baseDelay}, capped at {@code maxDelay}, with jitter; a server's {@code Retry-After}
 * is a lower bound on the wait.
 *
 * @param maxAttempts how many times a request is sent at most, the first one included
 * @param sleeper how to wait; tests record the waits instead
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** The longest {@code Retry-After} honoured; a larger one is cut to this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {

        /** The real clock. */
        Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
        if (sleeper == null) {
            sleeper = Sleeper.SYSTEM;
        }
    }

    /** Six attempts, 200 ms doubling up to 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10), Sleeper.SYSTEM);
    }

    /** One attempt: errors are reported at once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Sleeper.SYSTEM);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, baseDelay, maxDelay, sleeper);
    }

    public RetryPolicy withSleeper(Sleeper value) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, value);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): half the capped exponential delay
     * plus a random part of the other half, and never less than {@code retryAfter}.
     */
    public Duration delay(int attempt, Duration retryAfter) {
        return delay(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
    }

    Duration delay(int attempt, Duration retryAfter, double random) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exponential = base << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = exponential < 0 ? cap : Math.min(exponential, cap);
        long jittered = capped / 2 + (long) (random * (capped - capped / 2));
        Duration backoff = Duration.ofMillis(jittered);
        if (retryAfter == null || retryAfter.isNegative()) {
            return backoff;
        }
        Duration bounded = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        return bounded.compareTo(backoff) > 0 ? bounded : backoff;
    }
}
