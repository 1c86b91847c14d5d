package io.jenkins.plugins.gitops.core.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when slept on, and remembers the pauses. */
final class FakeTicker implements Ticker {

    final List<Duration> sleeps = new ArrayList<>();
    private long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }
}
