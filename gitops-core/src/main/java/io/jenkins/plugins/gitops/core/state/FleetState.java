package io.jenkins.plugins.gitops.core.state;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The state of every unit of a fleet after a run, by unit id. */
public record FleetState(Map<String, UnitState> units) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final FleetState EMPTY = new FleetState(Map.of());

    public FleetState {
        units = java.util.Collections.unmodifiableMap(new TreeMap<>(units));
    }

    public Optional<UnitState> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }
}
