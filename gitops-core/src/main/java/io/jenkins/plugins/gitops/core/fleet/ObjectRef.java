package io.jenkins.plugins.gitops.core.fleet;

/** A reference to another Flux object, such as a {@code sourceRef}: kind, namespace, name. */
public record ObjectRef(String kind, String namespace, String name) {

    @Override
    public String toString() {
        return kind + "/" + namespace + "/" + name;
    }
}
