package io.jenkins.plugins.gitops.core.render;

import java.util.List;
import java.util.Map;

/**
 * The parts of a Flux {@code Kustomization} spec that change what kustomize builds. Flux writes
 * them into the path's kustomization file before building; {@code commonMetadata} is set on the
 * built objects afterwards.
 *
 * @param patches {@code spec.patches}: maps with {@code patch} and optional {@code target}
 * @param images {@code spec.images}: maps with {@code name}, {@code newName}, {@code newTag},
 *     {@code digest}
 * @param components {@code spec.components}: paths relative to the Kustomization's path
 * @param buildMetadata {@code spec.buildMetadata} ({@code originAnnotations}, {@code
 *     transformerAnnotations}); replaces the file's own list when not empty
 * @param patchesStrategicMerge the {@code v1beta2} field of that name: inline objects
 * @param patchesJson6902 the {@code v1beta2} field of that name: maps with {@code target} and a
 *     {@code patch} list of operations
 */
public record KustomizeOverlays(
        String targetNamespace,
        String namePrefix,
        String nameSuffix,
        List<Map<String, Object>> patches,
        List<Map<String, Object>> images,
        List<String> components,
        boolean ignoreMissingComponents,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        List<String> buildMetadata,
        List<Map<String, Object>> patchesStrategicMerge,
        List<Map<String, Object>> patchesJson6902) {

    public static final KustomizeOverlays NONE =
            new KustomizeOverlays(null, null, null, List.of(), List.of(), List.of(), false, Map.of(), Map.of());

    public KustomizeOverlays {
        patches = patches == null ? List.of() : List.copyOf(patches);
        images = images == null ? List.of() : List.copyOf(images);
        components = components == null ? List.of() : List.copyOf(components);
        commonLabels = commonLabels == null ? Map.of() : Map.copyOf(commonLabels);
        commonAnnotations = commonAnnotations == null ? Map.of() : Map.copyOf(commonAnnotations);
        buildMetadata = buildMetadata == null ? List.of() : List.copyOf(buildMetadata);
        patchesStrategicMerge = patchesStrategicMerge == null ? List.of() : List.copyOf(patchesStrategicMerge);
        patchesJson6902 = patchesJson6902 == null ? List.of() : List.copyOf(patchesJson6902);
    }

    /** The {@code v1} fields most callers set; build metadata and the {@code v1beta2} patches stay empty. */
    public KustomizeOverlays(
            String targetNamespace,
            String namePrefix,
            String nameSuffix,
            List<Map<String, Object>> patches,
            List<Map<String, Object>> images,
            List<String> components,
            boolean ignoreMissingComponents,
            Map<String, String> commonLabels,
            Map<String, String> commonAnnotations) {
        this(
                targetNamespace,
                namePrefix,
                nameSuffix,
                patches,
                images,
                components,
                ignoreMissingComponents,
                commonLabels,
                commonAnnotations,
                List.of(),
                List.of(),
                List.of());
    }
}
