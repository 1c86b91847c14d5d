package io.jenkins.plugins.gitops.core.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@link HealthWaiter#waitFor} waits and how often it looks: polls start {@code
 * initialBackoff} apart and the gap doubles up to {@code maxBackoff}.
 */
public record WaitOptions(Duration timeout, Duration initialBackoff, Duration maxBackoff) {

    public WaitOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff must be positive and at most maxBackoff: " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** Five minutes, polling from 250 ms up to 5 s apart. */
    public static WaitOptions defaults() {
        return new WaitOptions(Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    public WaitOptions withTimeout(Duration newTimeout) {
        return new WaitOptions(newTimeout, initialBackoff, maxBackoff);
    }

    public WaitOptions withBackoff(Duration initial, Duration max) {
        return new WaitOptions(timeout, initial, max);
    }
}
