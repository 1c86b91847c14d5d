package io.jenkins.plugins.gitops.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the waiter sleeps; it records every sleep. */
final class ManualClock extends Clock {

    private Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    ManualClock(Instant start) {
        this.now = start;
    }

    /** A {@link HealthWaiter.Sleeper} that advances this clock. */
    void sleep(Duration d) {
        sleeps.add(d);
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
