package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;

/**
 * A unit with what loading it produced.
 *
 * @param revision the source revision it was rendered from; null when the source was not resolved
 *     or is resolved at apply time (Helm charts)
 * @param manifests the rendered objects after substitution, Flux objects included, in kustomize's
 *     order; empty for a HelmRelease (its chart renders at apply time)
 * @param error why the unit could not be rendered; null when it was
 * @param notes facts worth telling that are not errors ("substituteFrom is resolved at apply time")
 * @param built the objects as built, before {@code postBuild} substitution: apply substitutes
 *     them again once {@code substituteFrom} can be read from the cluster
 */
public record LoadedUnit(
        Unit unit, String revision, List<Manifest> manifests, String error, List<String> notes, List<Manifest> built) {

    public LoadedUnit {
        manifests = List.copyOf(manifests);
        notes = List.copyOf(notes);
        built = List.copyOf(built);
    }

    public LoadedUnit(Unit unit, String revision, List<Manifest> manifests, String error, List<String> notes) {
        this(unit, revision, manifests, error, notes, manifests);
    }

    public boolean rendered() {
        return error == null && unit.kind() == UnitKind.KUSTOMIZATION;
    }
}
