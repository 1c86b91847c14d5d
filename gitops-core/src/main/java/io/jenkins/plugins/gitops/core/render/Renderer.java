package io.jenkins.plugins.gitops.core.render;

/** Builds one Kustomization's path the way Flux's kustomize-controller does. */
public interface Renderer {

    /**
     * Builds the path: the existing kustomization file, or the one Flux generates for a folder
     * without one, amended with the overlays; then {@code commonMetadata} on every object.
     *
     * @throws RenderException when the path is missing, a file does not decode, or kustomize fails
     */
    RenderResult render(RenderRequest request);
}
