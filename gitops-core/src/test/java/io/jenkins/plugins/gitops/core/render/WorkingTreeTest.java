package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeTest {

    @TempDir
    Path source;

    @TempDir
    Path scratch;

    @Test
    void shouldMirrorOnlyTheBuiltFolderAndLinkEverythingElse() throws Exception {
        TreeFixture tree = new TreeFixture(source)
                .configMap("base/a.yaml", "a")
                .configMap("apps/prod/b.yaml", "b")
                .configMap("apps/prod/sub/c.yaml", "c")
                .configMap("apps/staging/d.yaml", "d");

        try (WorkingTree working = WorkingTree.of(tree.root(), scratch, "apps/prod")) {
            Path root = working.root();
            assertThat(Files.isSymbolicLink(root.resolve("base"))).isTrue();
            assertThat(Files.isSymbolicLink(root.resolve("apps/staging"))).isTrue();
            assertThat(Files.isSymbolicLink(root.resolve("apps"))).isFalse();
            assertThat(Files.isRegularFile(root.resolve("apps/prod/b.yaml"), LinkOption.NOFOLLOW_LINKS))
                    .isTrue();
            assertThat(Files.isRegularFile(root.resolve("apps/prod/sub/c.yaml"), LinkOption.NOFOLLOW_LINKS))
                    .isTrue();
            assertThat(root.resolve("base/a.yaml"))
                    .hasContent(TreeFixture.configMapYaml("a").strip());

            WorkingTree.replace(root.resolve("apps/prod/b.yaml"), "changed");
        }

        assertThat(source.resolve("apps/prod/b.yaml"))
                .hasContent(TreeFixture.configMapYaml("b").strip());
        assertThat(source.resolve("base/a.yaml")).exists();
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }
}
