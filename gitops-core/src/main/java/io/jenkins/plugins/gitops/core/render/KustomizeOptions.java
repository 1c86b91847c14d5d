package io.jenkins.plugins.gitops.core.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KustomizeRenderer} finds and runs kustomize.
 *
 * @param binary an explicit {@code kustomize} or {@code kubectl} executable; null to search
 * @param searchPath the {@code PATH}-style folder list searched when {@code binary} is null
 * @param scratchDir where private working trees are made; hard links need it on the same volume
 *     as the sources to be cheap
 * @param timeout the longest one build may run
 */
public record KustomizeOptions(Path binary, String searchPath, Path scratchDir, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public KustomizeOptions {
        searchPath = searchPath == null ? "" : searchPath;
        Objects.requireNonNull(scratchDir, "scratchDir");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The process's {@code PATH}, the JVM's temp folder, five minutes. */
    public static KustomizeOptions defaults() {
        return new KustomizeOptions(
                null, System.getenv("PATH"), Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TIMEOUT);
    }

    public KustomizeOptions withBinary(Path newBinary) {
        return new KustomizeOptions(newBinary, searchPath, scratchDir, timeout);
    }

    public KustomizeOptions withSearchPath(String newSearchPath) {
        return new KustomizeOptions(binary, newSearchPath, scratchDir, timeout);
    }

    public KustomizeOptions withScratchDir(Path newScratchDir) {
        return new KustomizeOptions(binary, searchPath, newScratchDir, timeout);
    }

    public KustomizeOptions withTimeout(Duration newTimeout) {
        return new KustomizeOptions(binary, searchPath, scratchDir, newTimeout);
    }
}
