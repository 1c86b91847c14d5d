package io.jenkins.plugins.gitops.core.state;

/**
 * Where fleet state lives between runs: a JSON file for the command line, the build's metadata in
 * Jenkins. Keyed by a fleet name (by default derived from repository and path).
 */
public interface StateStore {

    /** The last saved state, or {@link FleetState#EMPTY}. */
    FleetState load(String fleet);

    /** Replaces the saved state. Implementations write atomically: a crash leaves the old state. */
    void save(String fleet, FleetState state);
}
