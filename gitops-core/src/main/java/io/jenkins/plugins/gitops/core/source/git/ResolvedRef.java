package io.jenkins.plugins.gitops.core.source.git;

import org.eclipse.jgit.lib.ObjectId;

/** A ref resolved to a commit, with the revision string Flux would report for it. */
final class ResolvedRef {

    private final ObjectId commit;
    private final String revision;

    ResolvedRef(ObjectId commit, String revision) {
        this.commit = commit.copy();
        this.revision = revision;
    }

    ObjectId commit() {
        return commit;
    }

    String revision() {
        return revision;
    }

    /**
     * Flux's {@code Commit.String()}: the ref name without its first two parts ({@code refs/heads/},
     * {@code refs/tags/}), then {@code @sha1:<hex>}; no ref means the bare digest.
     */
    static String shortRevision(String refName, ObjectId commit) {
        String digest = "sha1:" + commit.name();
        if (refName == null) {
            return digest;
        }
        String[] parts = refName.split("/", 3);
        return parts.length == 3 ? parts[2] + "@" + digest : digest;
    }

    /** Flux's {@code Commit.AbsoluteReference()}, used when {@code spec.ref.name} is set. */
    static String absoluteRevision(String refName, ObjectId commit) {
        return refName == null ? "sha1:" + commit.name() : refName + "@sha1:" + commit.name();
    }
}
