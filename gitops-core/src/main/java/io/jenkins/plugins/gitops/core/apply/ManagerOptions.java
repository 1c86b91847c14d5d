package io.jenkins.plugins.gitops.core.apply;

import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ResourceManager} talks to the cluster, whatever the verb.
 *
 * @param fieldManager the server-side apply field manager ({@code gitops-jenkins})
 * @param pollInterval the first pause between polls while waiting; it doubles on each poll
 * @param maxPollInterval the longest pause between polls
 * @param ticker the clock and sleeper of waits
 */
public record ManagerOptions(String fieldManager, Duration pollInterval, Duration maxPollInterval, Ticker ticker) {

    public ManagerOptions {
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxPollInterval, "maxPollInterval");
        Objects.requireNonNull(ticker, "ticker");
    }

    public static ManagerOptions defaults() {
        return new ManagerOptions(
                ApplyOptions.DEFAULT_FIELD_MANAGER, Duration.ofMillis(500), Duration.ofSeconds(5), Ticker.SYSTEM);
    }

    public ManagerOptions withFieldManager(String value) {
        return new ManagerOptions(value, pollInterval, maxPollInterval, ticker);
    }

    public ManagerOptions withPolling(Duration first, Duration max) {
        return new ManagerOptions(fieldManager, first, max, ticker);
    }

    public ManagerOptions withTicker(Ticker value) {
        return new ManagerOptions(fieldManager, pollInterval, maxPollInterval, value);
    }
}
