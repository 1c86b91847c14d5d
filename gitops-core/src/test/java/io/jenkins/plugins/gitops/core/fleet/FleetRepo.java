package io.jenkins.plugins.gitops.core.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A Git repository with a work tree in a temp folder, written fluently in the spirit of JGit's
 * {@code TestRepository}: {@code repo.file("a.yaml", yaml).commit("add a").tag("v1.0.0")}. It is
 * read by the engine as a local folder or through its {@code file://} URL.
 */
final class FleetRepo implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private long clock = 1_700_000_000L;
    private RevCommit last;

    private FleetRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository whose first branch is {@code main}. */
    static FleetRepo init(Path dir) {
        return call(() -> new FleetRepo(
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir));
    }

    Path dir() {
        return dir;
    }

    /** The {@code file://} URL of the repository. */
    String url() {
        return dir.toUri().toString();
    }

    /** Writes a file in the work tree; it is part of the next commit. */
    FleetRepo file(String path, String content) {
        Path file = dir.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Removes a file from the work tree; the next commit records the removal. */
    FleetRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Commits every change of the work tree, removals included, on the current branch. */
    FleetRepo commit(String message) {
        PersonIdent who = ident();
        last = call(() -> {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            return git.commit()
                    .setMessage(message)
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        });
        return this;
    }

    /** Tags the last commit (a lightweight tag). */
    FleetRepo tag(String name) {
        call(() -> git.tag().setName(name).setAnnotated(false).call());
        return this;
    }

    /** Creates a branch at the current commit and checks it out. */
    FleetRepo branch(String name) {
        call(() -> git.checkout().setCreateBranch(true).setName(name).call());
        return this;
    }

    /** Checks out an existing branch. */
    FleetRepo checkout(String name) {
        call(() -> git.checkout().setName(name).call());
        return this;
    }

    /** The full id of the last commit made through this fixture. */
    String head() {
        return last.name();
    }

    private PersonIdent ident() {
        clock += 60;
        return new PersonIdent("Tester", "tester@example.com", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.close();
    }

    private interface GitCall<T> {
        T call() throws GitAPIException;
    }

    private static <T> T call(GitCall<T> call) {
        try {
            return call.call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
