package io.jenkins.plugins.gitops.core.plan;

import io.jenkins.plugins.gitops.core.fleet.LoadedUnit;
import java.util.List;

/**
 * A unit in the plan.
 *
 * @param id the plan's id for the unit: {@code namespace/name}, or {@code HelmRelease/namespace/name}
 *     for a HelmRelease that shares namespace and name with a Kustomization
 * @param dependsOn the ids of the units it waits for, from {@code dependsOn} (missing ones
 *     included, as written)
 * @param parent the id of the unit that renders it; null for the root
 * @param wave its wave (0 first), or null when a cycle keeps it from being ordered
 * @param error what is wrong with the unit, or null
 */
public record PlannedUnit(
        LoadedUnit loaded, String id, List<String> dependsOn, String parent, Integer wave, String error) {

    public PlannedUnit {
        dependsOn = List.copyOf(dependsOn);
    }
}
