package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import java.io.Serializable;
import java.util.List;

/**
 * A unit as the dependency graph draws it: the plan's facts that the report does not carry.
 *
 * @param id the plan's id ({@code namespace/name}), as in the report
 * @param kind {@code Kustomization} or {@code HelmRelease}
 * @param wave the unit's wave (0 first), or null when a cycle kept it from being ordered
 * @param dependsOn ids of the units it waits for (drawn as solid edges)
 * @param parent id of the unit that renders it, or null (drawn as a dashed edge)
 */
public record UnitNode(String id, String kind, Integer wave, List<String> dependsOn, String parent)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public UnitNode {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** The graph of a plan, in plan order. */
    public static List<UnitNode> fromPlan(Plan plan) {
        return plan.units().stream().map(UnitNode::of).toList();
    }

    /** The graph as a report records it: each unit carries its wave, dependencies and parent. */
    public static List<UnitNode> fromReport(ReconcileReport report) {
        return report.units().stream()
                .map(u -> new UnitNode(u.id(), u.kind(), u.wave(), u.dependsOn(), u.parent()))
                .toList();
    }

    static UnitNode of(PlannedUnit unit) {
        String kind = unit.loaded() == null ? null : unit.loaded().unit().kind().kind();
        return new UnitNode(unit.id(), kind, unit.wave(), unit.dependsOn(), unit.parent());
    }
}
