package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectOriginsTest {

    @TempDir
    Path source;

    @TempDir
    Path scratch;

    private KustomizeRenderer renderer;

    @BeforeEach
    void renderer() {
        renderer = new KustomizeRenderer(KustomizeOptions.defaults().withScratchDir(scratch));
        Assumptions.assumeTrue(renderer.binary().isPresent(), "no kustomize or kubectl on PATH: skipping");
    }

    @Test
    void shouldNameTheFileOfEveryObjectAndLeaveNoAnnotationBehind() {
        TreeFixture tree = new TreeFixture(source)
                .configMap("base/settings.yaml", "settings")
                .file("base/kustomization.yaml", "resources:\n  - settings.yaml\n")
                .configMap("apps/prod/extra.yaml", "extra")
                .file(
                        "apps/prod/kustomization.yaml",
                        "resources:\n  - ../../base\n  - extra.yaml\n"
                                + "configMapGenerator:\n  - name: generated\n    literals: [a=b]\n");

        List<Manifest> manifests = renderer.render(new RenderRequest(
                        tree.root(), "./apps/prod", KustomizeOverlays.NONE, "Kustomization/flux-system/apps"))
                .manifests();

        assertThat(manifests)
                .extracting(Manifest::name, Manifest::origin)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("settings", "base/settings.yaml"),
                        org.assertj.core.groups.Tuple.tuple("extra", "apps/prod/extra.yaml"),
                        org.assertj.core.groups.Tuple.tuple(
                                manifests.stream()
                                        .filter(m -> m.name().startsWith("generated"))
                                        .findFirst()
                                        .orElseThrow()
                                        .name(),
                                "apps/prod/kustomization.yaml"));
        assertThat(manifests).allSatisfy(m -> assertThat(m.body().toString()).doesNotContain(ObjectOrigins.ANNOTATION));
        assertThat(manifests.get(0).annotations()).isEmpty();
    }

    @Test
    void shouldKeepOriginAnnotationsTheAuthorAskedFor() {
        TreeFixture tree = new TreeFixture(source)
                .configMap("app/settings.yaml", "settings")
                .file("app/kustomization.yaml", "resources:\n  - settings.yaml\nbuildMetadata: [originAnnotations]\n");

        Manifest only = renderer.render(
                        new RenderRequest(tree.root(), "app", KustomizeOverlays.NONE, "Kustomization/flux-system/app"))
                .manifests()
                .get(0);

        assertThat(only.origin()).isEqualTo("app/settings.yaml");
        assertThat(only.annotations()).containsKey(ObjectOrigins.ANNOTATION);
    }
}
