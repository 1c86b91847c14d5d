package io.jenkins.plugins.gitops.core.fleet;

/** The Flux objects that become units of work: things the engine reconciles, in order. */
public enum UnitKind {
    KUSTOMIZATION("Kustomization"),
    HELM_RELEASE("HelmRelease");

    private final String kind;

    UnitKind(String kind) {
        this.kind = kind;
    }

    /** The Kubernetes kind, as written in YAML. */
    public String kind() {
        return kind;
    }
}
