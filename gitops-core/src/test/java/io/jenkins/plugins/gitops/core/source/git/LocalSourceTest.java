package io.jenkins.plugins.gitops.core.source.git;

import static io.jenkins.plugins.gitops.core.source.git.JGitSourceFetcherTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceTest {

    @TempDir
    Path tmp;

    private JGitSourceFetcher fetcher;

    @BeforeEach
    void setUp() {
        fetcher = new JGitSourceFetcher(tmp.resolve("cache"), tmp.resolve("work"));
    }

    @Test
    void shouldReadFolderOutsideGitAsLocalWithDefaultExclusions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("app.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("logo.png"), "png");
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/ci.yml"), "on: push\n");

        SourceArtifact artifact = fetcher.local(dir, null);

        assertThat(artifact.revision()).isEqualTo("local");
        assertThat(artifact.url()).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(files(artifact.root())).containsExactly("app.yaml");
        assertThat(artifact.root()).startsWith(tmp.resolve("work"));
    }

    @Test
    void shouldIncludeUncommittedChangesAndReportHeadOfBranch() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("wc"), "main")) {
            RevCommit head = repo.commit("one", Map.of("app.yaml", "committed\n"));
            repo.write("app.yaml", "edited\n").write("new.yaml", "untracked\n");

            SourceArtifact artifact = fetcher.local(repo.dir(), null);

            assertThat(artifact.revision()).isEqualTo("main@sha1:" + head.name());
            assertThat(files(artifact.root())).containsExactly("app.yaml", "new.yaml");
            assertThat(artifact.root().resolve("app.yaml")).hasContent("edited");
        }
    }

    @Test
    void shouldReportHeadForSubfolderOfWorkTree() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("wc"), "main")) {
            RevCommit head = repo.commit("one", Map.of("clusters/prod/app.yaml", "a\n", "other.yaml", "o\n"));

            SourceArtifact artifact = fetcher.local(repo.dir().resolve("clusters"), null);

            assertThat(artifact.revision()).isEqualTo("main@sha1:" + head.name());
            assertThat(files(artifact.root())).containsExactly("prod/app.yaml");
        }
    }

    @Test
    void shouldReportBareDigestForDetachedHead() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("wc"), "main")) {
            RevCommit one = repo.commit("one", Map.of("a.yaml", "1\n"));
            repo.commit("two", Map.of("a.yaml", "2\n"));
            repo.checkout(one.name());

            assertThat(fetcher.local(repo.dir(), null).revision()).isEqualTo("sha1:" + one.name());
        }
    }

    @Test
    void shouldApplySourceignoreAndSpecIgnoreToLocalFolders() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("wc"), "main")) {
            repo.write("apps/.sourceignore", "*.txt\n").write("apps/a.txt", "t").write("b.txt", "t");
            repo.write("secret/key.yaml", "k").write("app.yaml", "a");

            SourceArtifact artifact = fetcher.local(repo.dir(), "secret/\n");

            assertThat(files(artifact.root())).containsExactly("app.yaml", "apps/.sourceignore", "b.txt");
        }
    }

    @Test
    void shouldHardLinkFilesWherePossibleInAFreshDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("app.yaml"), "a: 1\n");

        SourceArtifact first = fetcher.local(dir, null);
        SourceArtifact second = fetcher.local(dir, null);

        assertThat(Files.isSameFile(first.root().resolve("app.yaml"), dir.resolve("app.yaml")))
                .isTrue();
        assertThat(second.root()).isNotEqualTo(first.root());
    }

    @Test
    void shouldFailForMissingFolder() {
        assertThatThrownBy(() -> fetcher.local(tmp.resolve("absent"), null))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("not a directory");
    }
}
