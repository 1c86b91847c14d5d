package io.jenkins.plugins.gitops.core.apply;

import java.time.Duration;

/** Time as the waits see it: a monotonic clock and a way to pause. Tests pass one that only counts. */
public interface Ticker {

    /** The system clock and {@link Thread#sleep}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}
