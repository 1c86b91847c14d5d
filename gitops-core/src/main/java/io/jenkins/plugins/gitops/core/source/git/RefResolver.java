package io.jenkins.plugins.gitops.core.source.git;

import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.SemanticVersion;
import io.jenkins.plugins.gitops.core.source.SemverRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves a {@link GitRef} in an up-to-date mirror with Flux's precedence (commit, name, semver,
 * tag, branch, then the remote's default branch) and revision strings: {@code main@sha1:…}, {@code
 * v1.2.3@sha1:…}, {@code refs/heads/main@sha1:…} for a name, {@code sha1:…} for a bare commit.
 * Annotated tags are peeled to their commit.
 */
final class RefResolver {

    private final Repository repo;
    private final SourceErrors errors;

    RefResolver(Repository repo, SourceErrors errors) {
        this.repo = repo;
        this.errors = errors;
    }

    ResolvedRef resolve(GitRef ref) throws IOException {
        if (ref.commit() != null) {
            return commit(ref);
        }
        if (ref.name() != null) {
            String name = ref.name();
            if (!name.startsWith(Constants.R_REFS)) {
                throw errors.badName(name);
            }
            ObjectId id = peel(name, ref);
            return new ResolvedRef(id, ResolvedRef.absoluteRevision(name, id));
        }
        if (ref.semver() != null) {
            return semver(ref.semver());
        }
        if (ref.tag() != null) {
            String name = Constants.R_TAGS + ref.tag();
            ObjectId id = peel(name, ref);
            return new ResolvedRef(id, ResolvedRef.shortRevision(name, id));
        }
        if (ref.branch() != null) {
            String name = Constants.R_HEADS + ref.branch();
            ObjectId id = peel(name, ref);
            return new ResolvedRef(id, ResolvedRef.shortRevision(name, id));
        }
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
            throw errors.noDefaultBranch();
        }
        String name = head.getTarget().getName();
        ObjectId id = peel(name, ref);
        return new ResolvedRef(id, ResolvedRef.shortRevision(name, id));
    }

    /** Whether the object exists here as a commit (so a pinned commit needs no fetch). */
    static boolean hasCommit(Repository repo, String sha) throws IOException {
        if (!isFullSha(sha)) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.parseCommit(ObjectId.fromString(sha));
            return true;
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return false;
        }
    }

    static boolean isFullSha(String sha) {
        return sha != null && sha.matches("[0-9a-fA-F]{40}");
    }

    private ResolvedRef commit(GitRef ref) throws IOException {
        String sha = ref.commit();
        if (!isFullSha(sha)) {
            throw errors.badCommit(sha);
        }
        ObjectId id = ObjectId.fromString(sha);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit;
            try {
                commit = walk.parseCommit(id);
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                throw errors.refNotFound(ref);
            }
            if (ref.name() != null) {
                return new ResolvedRef(commit, ResolvedRef.absoluteRevision(ref.name(), commit));
            }
            if (ref.branch() != null) {
                // Flux clones the single branch, so the commit must be in its history.
                String branch = Constants.R_HEADS + ref.branch();
                RevCommit tip = walk.parseCommit(peel(branch, GitRef.ofBranch(ref.branch())));
                if (!walk.isMergedInto(commit, tip)) {
                    throw errors.commitNotOnBranch(sha, ref.branch());
                }
                return new ResolvedRef(commit, ResolvedRef.shortRevision(branch, commit));
            }
            return new ResolvedRef(commit, ResolvedRef.shortRevision(null, commit));
        }
    }

    private ResolvedRef semver(String text) throws IOException {
        SemverRange range;
        try {
            range = SemverRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw errors.badSemver(text, e);
        }
        List<String> tagNames = new ArrayList<>();
        List<Candidate> matching = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = tag.getName().substring(Constants.R_TAGS.length());
                tagNames.add(name);
                Optional<SemanticVersion> version = SemanticVersion.parseTag(name);
                if (version.isPresent() && range.matches(version.get())) {
                    RevCommit commit = walk.parseCommit(tag.getObjectId());
                    matching.add(new Candidate(version.get(), commit.getCommitTime(), tag.getName(), commit));
                }
            }
        }
        // Highest version wins; versions equal but for build metadata go to the newest commit, as in Flux.
        Optional<Candidate> best = matching.stream()
                .max(Comparator.comparing((Candidate c) -> c.version)
                        .thenComparingInt(c -> c.commitTime)
                        .thenComparing(c -> c.refName));
        if (best.isEmpty()) {
            throw errors.noSemverMatch(text, tagNames);
        }
        Candidate c = best.get();
        return new ResolvedRef(c.commit, ResolvedRef.shortRevision(c.refName, c.commit));
    }

    /** The commit a ref points at, through any annotated tags. */
    private ObjectId peel(String refName, GitRef asked) throws IOException {
        Ref ref = repo.exactRef(refName);
        if (ref == null || ref.getObjectId() == null) {
            throw errors.refNotFound(asked);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ref.getObjectId()).copy();
        } catch (IncorrectObjectTypeException notACommit) {
            throw errors.refNotFound(asked);
        }
    }

    private static final class Candidate {
        private final SemanticVersion version;
        private final int commitTime;
        private final String refName;
        private final ObjectId commit;

        Candidate(SemanticVersion version, int commitTime, String refName, ObjectId commit) {
            this.version = version;
            this.commitTime = commitTime;
            this.refName = refName;
            this.commit = commit.copy();
        }
    }
}
