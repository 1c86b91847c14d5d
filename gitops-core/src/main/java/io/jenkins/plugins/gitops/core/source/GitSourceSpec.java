package io.jenkins.plugins.gitops.core.source;

/**
 * What to fetch: a Git URL, a ref, Flux's {@code spec.ignore} text (gitignore syntax, added to the
 * default ignore rules and the repository's {@code .sourceignore} files) and optional credentials.
 *
 * @param id a name for messages and the cache, such as {@code flux-system/podinfo}
 */
public record GitSourceSpec(String id, String url, GitRef ref, String ignore, GitCredentials credentials) {

    public GitSourceSpec {
        if (ref == null) {
            ref = GitRef.defaultBranch();
        }
    }
}
