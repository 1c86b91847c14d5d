package io.jenkins.plugins.gitops.core.plan;

import io.jenkins.plugins.gitops.core.fleet.Fleet;
import io.jenkins.plugins.gitops.core.fleet.FleetLoader;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;

/** Reads a fleet and orders it: the façade of this package. */
public final class Planner {

    private final FleetLoader loader;

    public Planner(FleetLoader loader) {
        this.loader = loader;
    }

    /** Loads the fleet and plans it; never throws for problems in the fleet itself. */
    public Plan plan(FleetRequest request) {
        Fleet fleet = loader.load(request);
        return DependencyGraph.of(fleet).plan(fleet);
    }
}
