package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.StateStore;

/**
 * The engine's state port on the agent: it starts from the state the controller found in the
 * previous build and keeps what the engine saves, for the controller to store with this build.
 */
final class SnapshotStateStore implements StateStore {

    private final FleetState previous;
    private FleetState saved;

    SnapshotStateStore(FleetState previous) {
        this.previous = previous;
    }

    @Override
    public synchronized FleetState load(String fleet) {
        return saved != null ? saved : previous;
    }

    @Override
    public synchronized void save(String fleet, FleetState state) {
        saved = state;
    }

    /** What the engine saved, or null when it saved nothing. */
    synchronized FleetState saved() {
        return saved;
    }
}
