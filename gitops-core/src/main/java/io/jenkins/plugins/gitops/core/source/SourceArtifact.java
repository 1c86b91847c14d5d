package io.jenkins.plugins.gitops.core.source;

import java.nio.file.Path;

/**
 * A source as the engine reads it: a directory holding the files that Flux's source-controller
 * would pack into the artifact (ignored files left out), and the revision it came from.
 *
 * <p>The directory is owned by the fetcher and must be treated as read-only; renderers work on
 * their own copies.
 *
 * @param root the directory with the artifact's files
 * @param url where it came from (a URL, or the local folder)
 * @param revision {@code <ref>@sha1:<commit>}, {@code sha1:<commit>} for a bare commit, or {@code
 *     local} for a folder that is not in a Git repository
 */
public record SourceArtifact(Path root, String url, String revision) {}
