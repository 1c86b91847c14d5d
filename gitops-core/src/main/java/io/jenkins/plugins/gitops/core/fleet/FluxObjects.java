package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;

/** Tells Flux's own objects — instructions to the engine, never applied — from manifests to apply. */
public final class FluxObjects {

    private FluxObjects() {}

    public static boolean isInstruction(Manifest m) {
        return FluxApi.isFluxObject(m);
    }
}
