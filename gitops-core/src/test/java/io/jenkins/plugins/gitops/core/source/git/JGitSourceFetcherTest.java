package io.jenkins.plugins.gitops.core.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitSourceFetcherTest {

    private static final String ID = "flux-system/podinfo";

    @TempDir
    Path tmp;

    private TestRepo remote;
    private JGitSourceFetcher fetcher;
    private RevCommit first;

    @BeforeEach
    void setUp() throws Exception {
        remote = TestRepo.init(tmp.resolve("remote"), "main");
        first = remote.commit("first", Map.of("deploy.yaml", "kind: ConfigMap\n"));
        fetcher = new JGitSourceFetcher(tmp.resolve("cache"), tmp.resolve("work"));
    }

    @AfterEach
    void tearDown() {
        remote.close();
    }

    private SourceArtifact fetch(GitRef ref) {
        return fetcher.fetch(new GitSourceSpec(ID, remote.url(), ref, null, null));
    }

    private SourceArtifact fetch(GitRef ref, String ignore) {
        return fetcher.fetch(new GitSourceSpec(ID, remote.url(), ref, ignore, null));
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void shouldCloneRemoteDefaultBranchAndReportItsRevision() throws Exception {
        SourceArtifact artifact = fetch(GitRef.defaultBranch());

        assertThat(artifact.revision()).isEqualTo("main@sha1:" + first.name());
        assertThat(artifact.url()).isEqualTo(remote.url());
        assertThat(files(artifact.root())).containsExactly("deploy.yaml");
        assertThat(artifact.root().resolve("deploy.yaml")).hasContent("kind: ConfigMap");
    }

    @Test
    void shouldFollowDefaultBranchWhateverItsName(@TempDir Path other) throws Exception {
        try (TestRepo trunk = TestRepo.init(other, "trunk")) {
            RevCommit c = trunk.commit("one", Map.of("a.yaml", "a: 1\n"));

            SourceArtifact artifact = fetcher.fetch(new GitSourceSpec(ID, trunk.url(), null, null, null));

            assertThat(artifact.revision()).isEqualTo("trunk@sha1:" + c.name());
        }
    }

    @Test
    void shouldResolveBranch() throws Exception {
        remote.branch("feature/x");
        RevCommit onFeature = remote.commit("feature", Map.of("feature.yaml", "f: 1\n"));
        remote.checkout("main");

        SourceArtifact artifact = fetch(GitRef.ofBranch("feature/x"));

        assertThat(artifact.revision()).isEqualTo("feature/x@sha1:" + onFeature.name());
        assertThat(files(artifact.root())).containsExactly("deploy.yaml", "feature.yaml");
    }

    @Test
    void shouldResolveLightweightTag() throws Exception {
        remote.tag("v1.0.0");
        remote.commit("later", Map.of("later.yaml", "l: 1\n"));

        SourceArtifact artifact = fetch(GitRef.ofTag("v1.0.0"));

        assertThat(artifact.revision()).isEqualTo("v1.0.0@sha1:" + first.name());
        assertThat(files(artifact.root())).containsExactly("deploy.yaml");
    }

    @Test
    void shouldPeelAnnotatedTagToItsCommit() throws Exception {
        remote.annotatedTag("v2.0.0");

        SourceArtifact artifact = fetch(GitRef.ofTag("v2.0.0"));

        assertThat(artifact.revision()).isEqualTo("v2.0.0@sha1:" + first.name());
    }

    @Test
    void shouldResolveHighestTagMatchingSemverRange() throws Exception {
        remote.tag("v1.0.0");
        RevCommit c12 = remote.commit("1.2", Map.of("v.yaml", "1.2\n"));
        remote.annotatedTag("v1.2.0");
        remote.commit("1.3-rc", Map.of("v.yaml", "1.3-rc\n"));
        remote.tag("v1.3.0-rc.1");
        remote.commit("2.0", Map.of("v.yaml", "2.0\n"));
        remote.tag("v2.0.0");
        remote.tag("latest");

        SourceArtifact artifact = fetch(GitRef.ofSemver(">=1.0.0 <2.0.0"));

        assertThat(artifact.revision()).isEqualTo("v1.2.0@sha1:" + c12.name());
        assertThat(artifact.root().resolve("v.yaml")).hasContent("1.2");
    }

    @Test
    void shouldResolveCommitAsBareDigest() throws Exception {
        remote.commit("second", Map.of("second.yaml", "s: 1\n"));

        SourceArtifact artifact = fetch(GitRef.ofCommit(first.name()));

        assertThat(artifact.revision()).isEqualTo("sha1:" + first.name());
        assertThat(files(artifact.root())).containsExactly("deploy.yaml");
    }

    @Test
    void shouldReportBranchWhenCommitIsPinnedOnBranch() throws Exception {
        remote.commit("second", Map.of("second.yaml", "s: 1\n"));

        SourceArtifact artifact = fetch(new GitRef("main", null, null, first.name(), null));

        assertThat(artifact.revision()).isEqualTo("main@sha1:" + first.name());
    }

    @Test
    void shouldRejectCommitThatIsNotOnTheGivenBranch() throws Exception {
        remote.branch("other");
        RevCommit elsewhere = remote.commit("other", Map.of("o.yaml", "o: 1\n"));
        remote.checkout("main");

        assertThatThrownBy(() -> fetch(new GitRef("main", null, null, elsewhere.name(), null)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("is not on branch main");
    }

    @Test
    void shouldResolveNameWithAbsoluteRevision() throws Exception {
        SourceArtifact artifact = fetch(new GitRef(null, null, null, null, "refs/heads/main"));

        assertThat(artifact.revision()).isEqualTo("refs/heads/main@sha1:" + first.name());
    }

    @Test
    void shouldFetchNamedRefOutsideBranchesAndTags() throws Exception {
        remote.branch("pr");
        RevCommit pr = remote.commit("pr", Map.of("pr.yaml", "p: 1\n"));
        remote.checkout("main");
        remote.ref("refs/pull/1/head", pr);
        remote.git().branchDelete().setBranchNames("pr").setForce(true).call();

        SourceArtifact artifact = fetch(new GitRef(null, null, null, null, "refs/pull/1/head"));

        assertThat(artifact.revision()).isEqualTo("refs/pull/1/head@sha1:" + pr.name());
        assertThat(files(artifact.root())).contains("pr.yaml");
    }

    @Test
    void shouldApplyFluxPrecedenceCommitNameSemverTagBranch() throws Exception {
        remote.tag("v1.0.0");
        RevCommit second = remote.commit("second", Map.of("b.yaml", "b\n"));
        remote.tag("v1.1.0");
        remote.branch("feature");
        RevCommit third = remote.commit("third", Map.of("c.yaml", "c\n"));
        remote.checkout("main");

        assertThat(fetch(new GitRef("feature", "v1.0.0", ">=1.0.0", first.name(), "refs/heads/feature"))
                        .revision())
                .isEqualTo("refs/heads/feature@sha1:" + first.name());
        assertThat(fetch(new GitRef("main", "v1.0.0", ">=1.0.0", null, "refs/heads/feature"))
                        .revision())
                .isEqualTo("refs/heads/feature@sha1:" + third.name());
        assertThat(fetch(new GitRef("feature", "v1.0.0", ">=1.0.0", null, null)).revision())
                .isEqualTo("v1.1.0@sha1:" + second.name());
        assertThat(fetch(new GitRef("feature", "v1.0.0", null, null, null)).revision())
                .isEqualTo("v1.0.0@sha1:" + first.name());
    }

    @Test
    void shouldFetchIncrementallyWithoutRecloning() throws Exception {
        fetch(GitRef.defaultBranch());
        Path mirror = fetcher.mirrorDirectory(remote.url());
        Path marker = Files.writeString(mirror.resolve("marker"), "still here");
        RevCommit second = remote.commit("second", Map.of("second.yaml", "s: 1\n"));

        SourceArtifact artifact = fetch(GitRef.defaultBranch());

        assertThat(artifact.revision()).isEqualTo("main@sha1:" + second.name());
        assertThat(marker).hasContent("still here");
        assertThat(Files.list(tmp.resolve("cache")).filter(p -> p.toString().endsWith(".git")))
                .containsExactly(mirror);
    }

    @Test
    void shouldSeeDeletedAndMovedRefsOnNextFetch() throws Exception {
        remote.tag("v1.0.0");
        fetch(GitRef.ofTag("v1.0.0"));
        remote.git().tagDelete().setTags("v1.0.0").call();

        assertThatThrownBy(() -> fetch(GitRef.ofTag("v1.0.0"))).hasMessageContaining("not found");
    }

    @Test
    void shouldReuseArtifactForSameCommitAndIgnore() {
        SourceArtifact a = fetch(GitRef.defaultBranch());
        SourceArtifact b = fetch(GitRef.ofCommit(first.name()));
        SourceArtifact c = fetch(GitRef.defaultBranch(), "*.md\n");

        assertThat(b.root()).isEqualTo(a.root());
        assertThat(c.root()).isNotEqualTo(a.root());
    }

    @Test
    void shouldMakeArtifactFilesReadOnly() throws Exception {
        SourceArtifact artifact = fetch(GitRef.defaultBranch());

        assertThat(Files.getPosixFilePermissions(artifact.root().resolve("deploy.yaml")))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
    }

    private void commitIgnoreFixture(Map<String, String> extra) throws IOException, GitAPIException {
        Map<String, String> files = new java.util.HashMap<>(Map.of(
                "README.md", "readme\n",
                "logo.png", "png\n",
                ".github/workflows/ci.yml", "on: push\n",
                ".gitignore", "target/\n",
                "apps/.goreleaser.yml", "x\n",
                ".sops.yaml", "creation_rules: []\n",
                "charts/chart.tar.gz", "gz\n",
                "apps/notes.txt", "n\n",
                "apps/local.yaml", "l\n",
                "notes.txt", "n\n"));
        files.putAll(extra);
        remote.commit("fixture", files);
    }

    @Test
    void shouldApplyDefaultExclusionsWhenThereAreNoIgnorePatterns() throws Exception {
        commitIgnoreFixture(Map.of());

        assertThat(files(fetch(GitRef.defaultBranch()).root()))
                .containsExactly("README.md", "apps/local.yaml", "apps/notes.txt", "deploy.yaml", "notes.txt");
    }

    @Test
    void shouldReplaceDefaultExclusionsWhenSourceignoreGivesPatterns() throws Exception {
        commitIgnoreFixture(Map.of(".sourceignore", "# docs stay out\n*.md\n"));

        assertThat(files(fetch(GitRef.defaultBranch()).root()))
                .containsExactly(
                        ".github/workflows/ci.yml",
                        ".sops.yaml",
                        ".sourceignore",
                        "apps/.goreleaser.yml",
                        "apps/local.yaml",
                        "apps/notes.txt",
                        "charts/chart.tar.gz",
                        "deploy.yaml",
                        "logo.png",
                        "notes.txt");
    }

    @Test
    void shouldScopeNestedSourceignoreToItsFolder() throws Exception {
        commitIgnoreFixture(Map.of("apps/.sourceignore", "*.txt\n/local.yaml\n"));

        List<String> files = files(fetch(GitRef.defaultBranch()).root());

        assertThat(files)
                .contains("notes.txt", "logo.png", "README.md")
                .doesNotContain("apps/notes.txt", "apps/local.yaml");
        assertThat(files).doesNotContain(".gitignore");
    }

    @Test
    void shouldApplySpecIgnoreAfterSourceignoreFiles() throws Exception {
        commitIgnoreFixture(Map.of(".sourceignore", "*.md\n", "KEEP.md", "keep\n"));

        List<String> files =
                files(fetch(GitRef.defaultBranch(), "!KEEP.md\napps/\n").root());

        assertThat(files).contains("KEEP.md", "notes.txt").doesNotContain("README.md", "apps/notes.txt");
    }

    @Test
    void shouldLetSpecIgnoreAloneReplaceDefaults() throws Exception {
        commitIgnoreFixture(Map.of());

        List<String> files = files(fetch(GitRef.defaultBranch(), "apps/\n").root());

        assertThat(files)
                .contains("logo.png", ".github/workflows/ci.yml")
                .doesNotContain("apps/notes.txt", ".gitignore");
    }

    @Test
    void shouldFailWithHintWhenTagIsMissing() {
        assertThatThrownBy(() -> fetch(GitRef.ofTag("v9.9")))
                .isInstanceOf(SourceException.class)
                .hasMessage("GitRepository flux-system/podinfo: ref 'tag v9.9' not found in " + remote.url()
                        + " — check spec.ref");
    }

    @Test
    void shouldFailWhenCommitIsMissing() {
        String missing = "0123456789abcdef0123456789abcdef01234567";

        assertThatThrownBy(() -> fetch(GitRef.ofCommit(missing)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("commit " + missing)
                .hasMessageContaining("not found in " + remote.url());
    }

    @Test
    void shouldFailWhenNoTagMatchesSemver() throws Exception {
        remote.tag("v1.0.0");

        assertThatThrownBy(() -> fetch(GitRef.ofSemver(">=2.0.0")))
                .hasMessageContaining("no tag in " + remote.url() + " matches semver '>=2.0.0' (tags: v1.0.0)");
        assertThatThrownBy(() -> fetch(GitRef.ofSemver("newest")))
                .hasMessageContaining("invalid semver range 'newest'");
    }

    @Test
    void shouldFailWithUrlAndHintWhenRemoteIsUnreachable() {
        String url = tmp.resolve("nowhere").toUri().toString();

        assertThatThrownBy(() -> fetcher.fetch(new GitSourceSpec(ID, url, null, null, null)))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GitRepository flux-system/podinfo: cannot fetch from " + url)
                .hasMessageContaining("check spec.url");
        assertThat(fetcher.mirrorDirectory(url)).doesNotExist();
    }

    @Test
    void shouldRestoreInterruptFlagAndStop() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fetch(GitRef.defaultBranch())).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
