package io.jenkins.plugins.gitops.core.source;

/**
 * What to fetch: a Git URL, a ref, Flux's {@code spec.ignore} text and optional credentials.
 *
 * <p>{@code spec.ignore} is gitignore syntax, applied after the repository's {@code .sourceignore}
 * files. As in source-controller, any pattern from either of them replaces the default exclusions
 * (images, archives, CI files); only the VCS exclusions ({@code .git/}, {@code .gitignore}, …)
 * always apply.
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
