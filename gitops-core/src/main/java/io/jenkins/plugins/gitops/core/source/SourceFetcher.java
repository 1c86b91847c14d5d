package io.jenkins.plugins.gitops.core.source;

import java.nio.file.Path;

/**
 * The port through which the engine gets sources. The JGit adapter lives in {@code source.git}.
 * Implementations never put credentials in what they return or throw: URLs are reported without
 * their user info ({@link SourceUrls#withoutUserInfo}).
 */
public interface SourceFetcher {

    /**
     * Clones the remote into the cache (or fetches what is new since the last call), resolves the
     * ref and materialises the artifact for that commit with the ignore rules applied.
     *
     * @throws SourceException when the remote cannot be reached, the ref does not exist, or the
     *     credentials are refused
     */
    SourceArtifact fetch(GitSourceSpec spec);

    /**
     * A local working copy read as it is on disk (uncommitted changes included), with the ignore
     * rules applied. When the folder is inside a Git work tree, the revision is that of its HEAD,
     * e.g. {@code main@sha1:<commit>}; otherwise {@code local}.
     */
    SourceArtifact local(Path directory, String ignore);
}
