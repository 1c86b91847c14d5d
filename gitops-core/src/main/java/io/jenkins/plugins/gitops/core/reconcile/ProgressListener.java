package io.jenkins.plugins.gitops.core.reconcile;

/**
 * Hears about a run as it goes: every {@link Event} as it is recorded (unit started, applied N
 * objects, waiting for X, Ready in 12 s). The command line prints them; Jenkins streams them to the
 * build's console. Called from worker threads; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> {};

    void onEvent(Event event);
}
