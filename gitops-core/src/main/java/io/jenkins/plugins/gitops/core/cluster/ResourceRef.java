package io.jenkins.plugins.gitops.core.cluster;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import java.io.Serializable;

/**
 * Enough to address one object on the API server: {@code apiVersion}, kind, namespace (empty when
 * cluster-scoped) and name.
 */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ResourceRef {
        namespace = namespace == null ? "" : namespace;
    }

    public static ResourceRef of(Manifest m) {
        return new ResourceRef(m.apiVersion(), m.kind(), m.namespace(), m.name());
    }

    public ResourceId id() {
        return ResourceId.of(apiVersion, kind, namespace, name);
    }

    /** The version part of {@code apiVersion}. */
    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    @Override
    public String toString() {
        return id().toString();
    }
}
