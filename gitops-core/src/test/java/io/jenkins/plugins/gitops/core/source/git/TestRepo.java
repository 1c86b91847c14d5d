package io.jenkins.plugins.gitops.core.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/** A Git repository with a work tree in a temp folder, built with JGit, for use as a remote. */
final class TestRepo implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private long clock = 1_700_000_000L;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static TestRepo init(Path dir, String branch) throws GitAPIException {
        IsolatedSystemReader.install();
        return new TestRepo(
                Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call(), dir);
    }

    Path dir() {
        return dir;
    }

    String url() {
        return dir.toUri().toString();
    }

    Git git() {
        return git;
    }

    TestRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    RevCommit commit(String message, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            write(e.getKey(), e.getValue());
        }
        git.add().addFilepattern(".").call();
        PersonIdent who = ident();
        return git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    void tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(false).call();
    }

    void annotatedTag(String name) throws GitAPIException {
        git.tag()
                .setName(name)
                .setAnnotated(true)
                .setMessage("release " + name)
                .setTagger(ident())
                .setSigned(false)
                .call();
    }

    void branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    void ref(String name, ObjectId id) throws IOException {
        RefUpdate u = git.getRepository().updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        u.update();
    }

    private PersonIdent ident() {
        clock += 60;
        return new PersonIdent("Tester", "tester@example.com", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.close();
    }
}
