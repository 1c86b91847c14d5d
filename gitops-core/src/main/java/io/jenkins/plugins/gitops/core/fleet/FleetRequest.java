package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;

/**
 * Where the fleet is and how to read it.
 *
 * @param repository a local folder (usually the workspace) or a Git URL
 * @param ref the ref to check out when {@code repository} is a URL
 * @param path the entry path, such as {@code clusters/prod}
 * @param credentials for HTTP(S) remotes; may be null
 * @param strictSubstitution fail on variables that are unset and have no default (Flux's strict
 *     post-build substitution)
 * @param parallelism how many units to render at once
 */
public record FleetRequest(
        String repository,
        GitRef ref,
        String path,
        GitCredentials credentials,
        boolean strictSubstitution,
        int parallelism) {

    public FleetRequest {
        ref = ref == null ? GitRef.defaultBranch() : ref;
        parallelism = Math.max(1, parallelism);
    }

    public static FleetRequest of(String repository, String path) {
        return new FleetRequest(repository, null, path, null, false, defaultParallelism());
    }

    public FleetRequest withRef(GitRef newRef) {
        return new FleetRequest(repository, newRef, path, credentials, strictSubstitution, parallelism);
    }

    public FleetRequest withCredentials(GitCredentials newCredentials) {
        return new FleetRequest(repository, ref, path, newCredentials, strictSubstitution, parallelism);
    }

    public FleetRequest withStrictSubstitution(boolean strict) {
        return new FleetRequest(repository, ref, path, credentials, strict, parallelism);
    }

    public FleetRequest withParallelism(int n) {
        return new FleetRequest(repository, ref, path, credentials, strictSubstitution, n);
    }

    /** Whether {@code repository} names a remote rather than a folder. */
    public boolean isRemote() {
        return repository.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || repository.matches("^[^/\\s]+@[^/\\s]+:.*");
    }

    static int defaultParallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
