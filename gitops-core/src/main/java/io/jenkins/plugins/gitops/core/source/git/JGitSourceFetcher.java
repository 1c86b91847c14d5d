package io.jenkins.plugins.gitops.core.source.git;

import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import io.jenkins.plugins.gitops.core.source.SourceFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The source port on JGit, doing what Flux's source-controller does for a {@code GitRepository}:
 * one bare mirror per URL in {@code cacheDir} (cloned once, then fetched incrementally), the ref
 * resolved with Flux's precedence and revision format, and the artifact — the commit's files minus
 * the ignored ones — materialised once per (URL, commit, ignore) under {@code workDir} and reused.
 *
 * <p>JGit is isolated from the user's and system's Git configuration (see {@link
 * IsolatedSystemReader}). Fetches of one URL are serialised within the JVM; different URLs proceed
 * in parallel.
 */
public final class JGitSourceFetcher implements SourceFetcher {

    private static final int TIMEOUT_SECONDS = 60;
    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final ArtifactStore artifacts;
    private final ArtifactStore locals;

    public JGitSourceFetcher(Path cacheDir, Path workDir) {
        this.cacheDir =
                Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath().normalize();
        Path work = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        this.artifacts = new ArtifactStore(work.resolve("artifacts"));
        this.locals = new ArtifactStore(work.resolve("local"));
        IsolatedSystemReader.install();
    }

    @Override
    public SourceArtifact fetch(GitSourceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        SourceErrors errors = new SourceErrors(spec);
        if (spec.url() == null || spec.url().isBlank()) {
            throw errors.emptyUrl();
        }
        Path mirrorDir = mirrorDirectory(spec.url());
        ReentrantLock lock = LOCKS.computeIfAbsent(mirrorDir, k -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted();
        }
        try {
            RemoteMirror mirror = new RemoteMirror(mirrorDir, spec.url(), credentials(spec), TIMEOUT_SECONDS);
            sync(mirror, spec, errors);
            try (Repository repo = mirror.open()) {
                ResolvedRef resolved = new RefResolver(repo, errors).resolve(spec.ref());
                String key = sha256(spec.url() + '\n' + resolved.commit().name() + '\n' + ignoreKey(spec.ignore()));
                Path root = artifacts.publish(
                        key, dir -> new CommitTreeWriter(repo, resolved.commit(), spec.ignore()).write(dir));
                return new SourceArtifact(root, errors.url(), resolved.revision());
            }
        } catch (IOException e) {
            throw errors.io("reading the mirror", e);
        } finally {
            lock.unlock();
        }
    }

    /** Fetches unless the ref is a commit already in the mirror: a pinned commit never changes. */
    private static void sync(RemoteMirror mirror, GitSourceSpec spec, SourceErrors errors) throws IOException {
        GitRef ref = spec.ref();
        if (mirror.exists() && ref.commit() != null && ref.branch() == null && ref.name() == null) {
            try (Repository repo = mirror.open()) {
                if (RefResolver.hasCommit(repo, ref.commit())) {
                    return;
                }
            }
        }
        List<String> extra = List.of();
        if (ref.name() != null && ref.name().startsWith(Constants.R_REFS) && !isMirrored(ref.name())) {
            extra = List.of(ref.name());
        }
        try {
            mirror.sync(extra);
        } catch (GitAPIException | RuntimeException e) {
            throw errors.remote(e);
        }
    }

    private static boolean isMirrored(String refName) {
        return refName.startsWith(Constants.R_HEADS) || refName.startsWith(Constants.R_TAGS);
    }

    @Override
    public SourceArtifact local(Path directory, String ignore) {
        Objects.requireNonNull(directory, "directory");
        Path source = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new SourceException("Local source " + source + ": not a directory — check the path");
        }
        try {
            Path root = locals.create("local-", dir -> new WorkingCopyWriter(source, ignore).write(dir));
            return new SourceArtifact(root, source.toString(), localRevision(source));
        } catch (IOException e) {
            if (SourceErrors.restoreInterrupt(e)) {
                throw new SourceException("Local source " + source + ": reading was interrupted");
            }
            throw new SourceException(
                    "Local source " + source + ": cannot read it (" + e.getMessage() + ") — check permissions", e);
        }
    }

    /** {@code <branch>@sha1:<HEAD>} in a Git work tree, {@code sha1:<HEAD>} when detached, else {@code local}. */
    static String localRevision(Path directory) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toFile());
        if (builder.getGitDir() == null) {
            return "local";
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head == null || head.getObjectId() == null) {
                return "local";
            }
            String branch = head.isSymbolic() ? head.getTarget().getName() : null;
            return ResolvedRef.shortRevision(branch, head.getObjectId());
        }
    }

    Path mirrorDirectory(String url) {
        return cacheDir.resolve(sha256(url).substring(0, 32) + ".git");
    }

    private static CredentialsProvider credentials(GitSourceSpec spec) {
        GitCredentials c = spec.credentials();
        if (c == null || c.password() == null) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider(c.username() == null ? "git" : c.username(), c.password());
    }

    /** Flux treats an absent and an empty {@code spec.ignore} alike; so does the artifact key. */
    private static String ignoreKey(String ignore) {
        return ignore == null ? "" : ignore;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
