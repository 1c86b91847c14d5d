package io.jenkins.plugins.gitops.core.render;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;

/**
 * What a build produced, in kustomize's output order.
 *
 * @param generated whether the path had no kustomization file and Flux's generated one was used
 * @param generatedResources the {@code resources} of the generated file ({@code ./a.yaml}, {@code
 *     ./sub}); empty when not generated
 */
public record RenderResult(List<Manifest> manifests, boolean generated, List<String> generatedResources) {

    public RenderResult {
        manifests = List.copyOf(manifests);
        generatedResources = List.copyOf(generatedResources);
    }
}
