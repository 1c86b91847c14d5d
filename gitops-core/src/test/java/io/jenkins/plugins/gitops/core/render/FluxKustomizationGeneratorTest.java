package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxKustomizationGeneratorTest {

    @TempDir
    Path root;

    private TreeFixture tree() {
        return new TreeFixture(root);
    }

    private FluxKustomizationGenerator.Result generate(String path, KustomizeOverlays overlays) {
        return new FluxKustomizationGenerator(root).write(root.resolve(path), overlays);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> kustomization(String file) {
        return (Map<String, Object>) Yaml.readDocument(tree().read(file), file);
    }

    private static KustomizeOverlays overlays(
            String namespace, List<Map<String, Object>> patches, List<Map<String, Object>> images) {
        return new KustomizeOverlays(namespace, null, null, patches, images, List.of(), false, Map.of(), Map.of());
    }

    @Test
    void shouldListFilesAndFoldersInLexicalOrderAndStopAtFoldersWithTheirOwnKustomization() {
        tree().configMap("app/z.yaml", "z")
                .configMap("app/b/inner.yml", "inner")
                .configMap("app/a.yaml", "a")
                .file("app/base/kustomization.yaml", "resources:\n- cm.yaml\n")
                .configMap("app/base/cm.yaml", "base")
                .configMap("app/base/deeper/ignored.yaml", "ignored")
                .configMap("app/c.yaml", "c")
                .file("app/settings.json", "{\"apiVersion\":\"v1\"}")
                .file("app/README.md", "# not a manifest")
                .file("app/other/Kustomization", "resources: []\n");

        FluxKustomizationGenerator.Result result = generate("app", KustomizeOverlays.NONE);

        assertThat(result.generated()).isTrue();
        assertThat(result.resources())
                .containsExactly("./a.yaml", "./b/inner.yml", "./base", "./c.yaml", "./other", "./z.yaml");
        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "resources"))
                .containsExactlyElementsOf(result.resources());
        assertThat(kustomization("app/kustomization.yaml"))
                .containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .containsEntry("kind", "Kustomization");
    }

    @Test
    void shouldLeaveOutJsonFiles() {
        tree().configMap("app/a.yaml", "a").file("app/b.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}");

        assertThat(generate("app", KustomizeOverlays.NONE).resources()).containsExactly("./a.yaml");
    }

    @Test
    void shouldWriteThePlaceholderNamespaceForAFolderWithNothingToBuild() {
        tree().folder("empty/sub").file("empty/notes.txt", "nothing");

        FluxKustomizationGenerator.Result result = generate("empty", KustomizeOverlays.NONE);

        assertThat(result.generated()).isTrue();
        assertThat(result.resources()).isEmpty();
        assertThat(kustomization("empty/kustomization.yaml"))
                .containsEntry("namespace", "_placeholder")
                .doesNotContainKey("resources");
    }

    @Test
    void shouldNameFileAndLineOfMalformedYaml() {
        tree().configMap("app/a.yaml", "a").file("app/sub/bad.yaml", "apiVersion: v1\nkind: ConfigMap\n  bad: [\n");

        assertThatThrownBy(() -> generate("app", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("failed to decode Kubernetes YAML from app/sub/bad.yaml:3");
    }

    @Test
    void shouldRefuseADocumentWithoutAName() {
        tree().file("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {}\n");

        assertThatThrownBy(() -> generate("app", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("app/a.yaml")
                .hasMessageContaining("metadata.name");
    }

    @Test
    void shouldUseAnExistingKustomizationAndNotReportItAsGenerated() {
        String original = "resources:\n- a.yaml\n";
        tree().file("app/kustomization.yml", original).configMap("app/a.yaml", "a");

        FluxKustomizationGenerator.Result result = generate("app", KustomizeOverlays.NONE);

        assertThat(result.generated()).isFalse();
        assertThat(result.resources()).isEmpty();
        assertThat(tree().read("app/kustomization.yml")).isEqualTo(original);
        assertThat(root.resolve("app/kustomization.yaml")).doesNotExist();
    }

    @Test
    void shouldAddOriginAnnotationsToAnExistingKustomizationWithoutResources() {
        tree().file("app/kustomization.yaml", "configMapGenerator:\n- name: settings\n  literals: [a=b]\n");

        generate("app", KustomizeOverlays.NONE);

        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "buildMetadata"))
                .containsExactly("originAnnotations");
    }

    @Test
    void shouldWriteNamespacePrefixSuffixAndBuildMetadataOverTheFilesOwn() {
        tree().file(
                        "app/kustomization.yaml",
                        "namespace: old\nnamePrefix: old-\nresources:\n- a.yaml\nbuildMetadata: [managedByLabel]\n")
                .configMap("app/a.yaml", "a");
        KustomizeOverlays overlays = new KustomizeOverlays(
                "prod",
                "pre-",
                "-suf",
                List.of(),
                List.of(),
                List.of(),
                false,
                Map.of(),
                Map.of(),
                List.of("originAnnotations"),
                List.of(),
                List.of());

        generate("app", overlays);

        assertThat(kustomization("app/kustomization.yaml"))
                .containsEntry("namespace", "prod")
                .containsEntry("namePrefix", "pre-")
                .containsEntry("nameSuffix", "-suf")
                .containsEntry("buildMetadata", List.of("originAnnotations"));
    }

    @Test
    void shouldAppendPatchesAfterTheFilesOwnWithTheirTargets() {
        tree().file("app/kustomization.yaml", "resources: [a.yaml]\npatches:\n- path: own.yaml\n")
                .configMap("app/a.yaml", "a");
        Map<String, Object> patch = Map.of(
                "patch",
                "- op: add\n  path: /data/x\n  value: y\n",
                "target",
                Map.of("kind", "ConfigMap", "name", "a", "labelSelector", "", "version", "v1"));

        generate("app", overlays(null, List.of(patch), List.of()));

        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "patches"))
                .containsExactly(
                        Map.of("path", "own.yaml"),
                        Map.of(
                                "patch",
                                "- op: add\n  path: /data/x\n  value: y\n",
                                "target",
                                Map.of("version", "v1", "kind", "ConfigMap", "name", "a")));
    }

    @Test
    void shouldMergeImagesByNameAsFluxDoes() {
        tree().file(
                        "app/kustomization.yaml",
                        "resources: [a.yaml]\nimages:\n- name: nginx\n  newName: mirror/nginx\n  newTag: '1.0'\n"
                                + "- name: redis\n  digest: sha256:aaa\n")
                .configMap("app/a.yaml", "a");

        generate(
                "app",
                overlays(
                        null,
                        List.of(),
                        List.of(
                                Map.of("name", "nginx", "newTag", "2.0"),
                                Map.of("name", "redis", "newName", "other/redis"),
                                Map.of("name", "busybox", "newTag", "1.36"))));

        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "images"))
                .containsExactly(
                        Map.of("name", "nginx", "newName", "mirror/nginx", "newTag", "2.0"),
                        Map.of("name", "redis", "digest", "sha256:aaa", "newName", "other/redis"),
                        Map.of("name", "busybox", "newTag", "1.36"));
    }

    @Test
    void shouldSkipMissingComponentsOnlyWhenAskedTo() {
        tree().configMap("app/a.yaml", "a").file("app/comp/kustomization.yaml", "kind: Component\n");
        KustomizeOverlays ignoring = new KustomizeOverlays(
                null, null, null, List.of(), List.of(), List.of("comp", "missing"), true, Map.of(), Map.of());

        generate("app", ignoring);

        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "components"))
                .containsExactly("comp");
    }

    @Test
    void shouldKeepMissingComponentsWhenNotIgnoringThemSoKustomizeReportsThem() {
        tree().configMap("app/a.yaml", "a");
        KustomizeOverlays strict = new KustomizeOverlays(
                null, null, null, List.of(), List.of(), List.of("missing"), false, Map.of(), Map.of());

        generate("app", strict);

        assertThat(Trees.list(kustomization("app/kustomization.yaml"), "components"))
                .containsExactly("missing");
    }

    @Test
    void shouldRefuseRemoteOrAbsoluteComponents() {
        tree().configMap("app/a.yaml", "a");
        KustomizeOverlays remote = new KustomizeOverlays(
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of("https://github.com/org/repo//comp"),
                false,
                Map.of(),
                Map.of());

        assertThatThrownBy(() -> generate("app", remote))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("must be local and relative");
        assertThat(FluxKustomizationGenerator.isLocalRelativePath("/abs")).isFalse();
        assertThat(FluxKustomizationGenerator.isLocalRelativePath("file:///abs"))
                .isFalse();
        assertThat(FluxKustomizationGenerator.isLocalRelativePath("../shared/comp"))
                .isTrue();
    }

    @Test
    void shouldWriteTheV1beta2PatchFields() {
        tree().configMap("app/a.yaml", "a");
        KustomizeOverlays legacy = new KustomizeOverlays(
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                false,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "a"),
                        "data",
                        Map.of("k", "v"))),
                List.of(Map.of(
                        "target",
                        Map.of("kind", "ConfigMap", "name", "a"),
                        "patch",
                        List.of(Map.of("op", "remove", "path", "/data/key")))));

        generate("app", legacy);

        Map<String, Object> kus = kustomization("app/kustomization.yaml");
        assertThat(Trees.list(kus, "patchesStrategicMerge")).hasSize(1);
        assertThat(Trees.list(kus, "patchesJson6902")).singleElement().satisfies(p -> assertThat(p)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("target", Map.of("kind", "ConfigMap", "name", "a")));
    }
}
