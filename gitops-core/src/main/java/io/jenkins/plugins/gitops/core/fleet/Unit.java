package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.render.KustomizeOverlays;
import java.util.List;
import java.util.Map;

/**
 * A unit of work as its Flux object declares it: a {@code Kustomization} or a {@code HelmRelease},
 * read from whatever API version the fleet uses.
 *
 * @param origin the file that declares it ({@code clusters/prod/apps.yaml}), or a description for
 *     the synthesized root
 * @param parent the unit whose rendered output contains this one; null for the root
 * @param sourceRef for a Kustomization its {@code spec.sourceRef}; for a HelmRelease the chart's
 *     source ({@code spec.chart.spec.sourceRef} or {@code spec.chartRef})
 * @param path a Kustomization's {@code spec.path} (empty for the source's root); null for a
 *     HelmRelease
 * @param substitute {@code postBuild.substitute}
 * @param substituteFrom {@code postBuild.substituteFrom}, as {@code ConfigMap/name} or {@code
 *     Secret/name} (optional ones marked with a trailing {@code ?})
 * @param spec the whole {@code spec}, read-only, for the steps that need more
 */
public record Unit(
        UnitKind kind,
        UnitId id,
        String apiVersion,
        String origin,
        UnitId parent,
        List<Dependency> dependsOn,
        ObjectRef sourceRef,
        String path,
        KustomizeOverlays overlays,
        Map<String, String> substitute,
        List<String> substituteFrom,
        boolean suspend,
        boolean prune,
        boolean synthetic,
        Map<String, Object> spec) {

    public Unit {
        dependsOn = List.copyOf(dependsOn);
        substitute = Map.copyOf(substitute);
        substituteFrom = List.copyOf(substituteFrom);
        overlays = overlays == null ? KustomizeOverlays.NONE : overlays;
    }

    /** {@code Kustomization/flux-system/apps}, for messages. */
    public String describe() {
        return kind.kind() + "/" + id;
    }
}
