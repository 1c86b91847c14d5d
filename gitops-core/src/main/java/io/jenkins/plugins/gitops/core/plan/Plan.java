package io.jenkins.plugins.gitops.core.plan;

import io.jenkins.plugins.gitops.core.fleet.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The ordered fleet: units in plan order (by wave, then id), the waves themselves (units of one
 * wave may run in parallel), and every problem found. A plan is always complete as far as the
 * fleet could be read: problems are data, not exceptions.
 */
public record Plan(
        String sourceUrl,
        String revision,
        String path,
        List<PlannedUnit> units,
        List<List<String>> waves,
        List<Problem> errors) {

    public Plan {
        units = List.copyOf(units);
        waves = waves.stream().map(List::copyOf).toList();
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Optional<PlannedUnit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
