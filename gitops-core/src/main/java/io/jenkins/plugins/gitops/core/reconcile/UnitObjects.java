package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FluxObjects;
import io.jenkins.plugins.gitops.core.fleet.Unit;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.subst.VariableSubstitution;
import java.util.List;
import java.util.Map;

/** A unit's objects as they go to the cluster. */
final class UnitObjects {

    private UnitObjects() {}

    /**
     * The rendered objects, substituted again with {@code substituteFrom} values read from the
     * cluster when the unit has any, and without Flux's own objects (instructions to the engine,
     * not manifests to apply).
     */
    static List<Manifest> resolve(PlannedUnit planned, ClusterClient cluster, SecretRedactor redactor, boolean strict) {
        Unit unit = planned.loaded().unit();
        List<Manifest> objects = planned.loaded().manifests();
        if (!unit.substituteFrom().isEmpty()) {
            Map<String, String> variables = new VariableResolver(cluster, redactor).resolve(unit);
            objects = VariableSubstitution.apply(planned.loaded().built(), variables, strict);
        }
        return objects.stream().filter(m -> !FluxObjects.isInstruction(m)).toList();
    }
}
