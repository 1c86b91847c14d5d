package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeRendererTest {

    private static final String UNIT = "Kustomization/flux-system/apps";

    @TempDir
    Path source;

    @TempDir
    Path scratch;

    private TreeFixture tree;
    private KustomizeRenderer renderer;

    @BeforeEach
    void setUp() {
        tree = new TreeFixture(source);
        renderer = new KustomizeRenderer(KustomizeOptions.defaults().withScratchDir(scratch));
    }

    private void assumeKustomize() {
        Assumptions.assumeTrue(
                renderer.binary().isPresent(),
                "no kustomize or kubectl on PATH: install kubectl ≥1.27 to run the render tests");
    }

    private RenderResult render(String path, KustomizeOverlays overlays) {
        return renderer.render(new RenderRequest(source, path, overlays, UNIT));
    }

    private static KustomizeOverlays overlays(
            String namespace, String prefix, String suffix, List<Map<String, Object>> patches) {
        return new KustomizeOverlays(
                namespace, prefix, suffix, patches, List.of(), List.of(), false, Map.of(), Map.of());
    }

    private static Manifest only(RenderResult result, String kind) {
        return result.manifests().stream()
                .filter(m -> m.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldRenderAGeneratedKustomizationAndReportItsResources() {
        assumeKustomize();
        tree.configMap("apps/b.yaml", "b")
                .configMap("apps/a.yaml", "a")
                .file("apps/base/kustomization.yaml", "resources: [cm.yaml]\n")
                .configMap("apps/base/cm.yaml", "base")
                .file("apps/skip.json", "{}");

        RenderResult result = render("./apps", KustomizeOverlays.NONE);

        assertThat(result.generated()).isTrue();
        assertThat(result.generatedResources()).containsExactly("./a.yaml", "./b.yaml", "./base");
        assertThat(result.manifests()).extracting(Manifest::name).containsExactlyInAnyOrder("a", "b", "base");
    }

    @Test
    void shouldAcceptEveryFormOfThePath() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a").configMap("root.yaml", "root");

        assertThat(render("apps", KustomizeOverlays.NONE).manifests()).hasSize(1);
        assertThat(render("./apps/", KustomizeOverlays.NONE).manifests()).hasSize(1);
        assertThat(render("", KustomizeOverlays.NONE).generatedResources())
                .containsExactly("./apps/a.yaml", "./root.yaml");
        assertThat(render("./", KustomizeOverlays.NONE).manifests()).hasSize(2);
        assertThat(render(null, KustomizeOverlays.NONE).manifests()).hasSize(2);
    }

    @Test
    void shouldRenderNothingForAnEmptyFolder() {
        assumeKustomize();
        tree.folder("apps/empty");

        RenderResult result = render("apps", KustomizeOverlays.NONE);

        assertThat(result.manifests()).isEmpty();
        assertThat(result.generated()).isTrue();
        assertThat(result.generatedResources()).isEmpty();
    }

    @Test
    void shouldSetTargetNamespaceAndNamePrefixAndSuffix() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a")
                .file("apps/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");

        RenderResult result = render("apps", overlays("prod", "pre-", "-suf", List.of()));

        Manifest configMap = only(result, "ConfigMap");
        assertThat(configMap.namespace()).isEqualTo("prod");
        assertThat(configMap.name()).isEqualTo("pre-a-suf");
        assertThat(only(result, "Namespace").name()).isEqualTo("prod");
    }

    @Test
    void shouldApplyJson6902AndStrategicMergePatchesToTheirTargets() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a")
                .configMap("apps/b.yaml", "b")
                .file("apps/web.yaml", TreeFixture.deploymentYaml("web", "nginx:1.0"));
        Map<String, Object> json6902 = Map.of(
                "patch",
                "- op: add\n  path: /data/patched\n  value: \"yes\"\n",
                "target",
                Map.of("kind", "ConfigMap", "name", "b"));
        Map<String, Object> strategic = Map.of(
                "patch",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: any\nspec:\n  replicas: 3\n",
                "target",
                Map.of("kind", "Deployment", "labelSelector", "app=web"));

        RenderResult result = render("apps", overlays(null, null, null, List.of(json6902, strategic)));

        Map<String, Manifest> byName = byName(result);
        assertThat(byName.get("b").get("data", "patched")).contains("yes");
        assertThat(byName.get("a").get("data", "patched")).isEmpty();
        assertThat(byName.get("web").get("spec", "replicas")).contains(3);
    }

    @Test
    void shouldApplyAStrategicMergePatchWithoutTargetByItsName() {
        assumeKustomize();
        tree.file("apps/web.yaml", TreeFixture.deploymentYaml("web", "nginx:1.0"));
        Map<String, Object> inline = Map.of(
                "patch", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n");

        RenderResult result = render("apps", overlays(null, null, null, List.of(inline)));

        assertThat(only(result, "Deployment").get("spec", "replicas")).contains(5);
    }

    @Test
    void shouldSetImages() {
        assumeKustomize();
        tree.file("apps/web.yaml", TreeFixture.deploymentYaml("web", "nginx:1.0"));
        KustomizeOverlays images = new KustomizeOverlays(
                null,
                null,
                null,
                List.of(),
                List.of(Map.of("name", "nginx", "newName", "mirror.io/nginx", "newTag", "1.27")),
                List.of(),
                false,
                Map.of(),
                Map.of());

        RenderResult result = render("apps", images);

        assertThat(result.manifests().get(0).body().toString()).contains("image=mirror.io/nginx:1.27");
    }

    @Test
    void shouldIncludeComponentsAndSkipMissingOnesWhenIgnored() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a")
                .file(
                        "components/label/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nlabels:\n"
                                + "- pairs:\n    from-component: \"true\"\n");
        KustomizeOverlays ignoring = new KustomizeOverlays(
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of("../components/label", "../components/missing"),
                true,
                Map.of(),
                Map.of());

        RenderResult result = render("apps", ignoring);

        assertThat(only(result, "ConfigMap").labels()).containsEntry("from-component", "true");
    }

    @Test
    void shouldFailOnAMissingComponentNamingUnitFolderAndKustomizeError() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a");
        KustomizeOverlays strict = new KustomizeOverlays(
                null, null, null, List.of(), List.of(), List.of("../missing"), false, Map.of(), Map.of());

        assertThatThrownBy(() -> render("apps", strict))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("cannot render apps (" + UNIT + "): kustomize build failed: ")
                .hasMessageContaining("missing")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldNameFilesInKustomizeErrorsRelativeToTheSourceNotTheScratchCopy() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "same").configMap("apps/team/a.yaml", "same");

        assertThatThrownBy(() -> render("./apps", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("already registered id")
                .hasMessageContaining("'apps/team/a.yaml'")
                .hasMessageNotContaining(scratch.toString())
                .hasMessageNotContaining("gitops-render-");
    }

    @Test
    void shouldSetCommonMetadataOnEveryObjectOverTheirOwn() {
        assumeKustomize();
        tree.file(
                        "apps/a.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    team: old\n    keep: me\n")
                .file("apps/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
        KustomizeOverlays common = new KustomizeOverlays(
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                false,
                Map.of("team", "platform"),
                Map.of("owner", "ops"));

        RenderResult result = render("apps", common);

        assertThat(result.manifests()).hasSize(2).allSatisfy(m -> {
            assertThat(m.labels()).containsEntry("team", "platform");
            assertThat(m.annotations()).containsEntry("owner", "ops");
        });
        assertThat(only(result, "ConfigMap").labels()).containsEntry("keep", "me");
    }

    @Test
    void shouldLeaveTheArtifactUnchangedWhenItsKustomizationIsAmended() throws IOException {
        assumeKustomize();
        String original = "resources:\n- a.yaml\n";
        tree.file("apps/kustomization.yaml", original)
                .configMap("apps/a.yaml", "a")
                .configMap("gen/b.yaml", "b");
        Map<Path, String> before = snapshot();

        RenderResult amended = render("apps", overlays("prod", "p-", null, List.of()));
        RenderResult generated = render("gen", overlays("prod", null, null, List.of()));

        assertThat(amended.generated()).isFalse();
        assertThat(amended.manifests().get(0).name()).isEqualTo("p-a");
        assertThat(generated.generated()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Files.getAttribute(source.resolve("apps/kustomization.yaml"), "unix:nlink"))
                .isEqualTo(1);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldNameFileAndLineWhenAGeneratedFolderHasMalformedYaml() {
        assumeKustomize();
        tree.configMap("apps/a.yaml", "a").file("apps/bad.yaml", "apiVersion: v1\nkind: ConfigMap\n  oops: [\n");

        assertThatThrownBy(() -> render("./apps", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessage("cannot render apps (" + UNIT + "): failed to decode Kubernetes YAML from apps/bad.yaml:3: "
                        + messageAfterLocation("apps/bad.yaml", "apiVersion: v1\nkind: ConfigMap\n  oops: [\n"));
    }

    private static String messageAfterLocation(String name, String text) {
        try {
            io.jenkins.plugins.gitops.core.yaml.Yaml.readManifests(text, name);
            throw new AssertionError("expected a parse error");
        } catch (io.jenkins.plugins.gitops.core.yaml.ManifestException e) {
            return e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
        }
    }

    @Test
    void shouldRefuseAPathThatLeavesTheSourceOrDoesNotExist() {
        tree.configMap("apps/a.yaml", "a");

        assertThatThrownBy(() -> render("../outside", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("../outside")
                .hasMessageContaining(UNIT)
                .hasMessageContaining("leaves the source root");
        assertThatThrownBy(() -> render("./apps/../../x", KustomizeOverlays.NONE))
                .hasMessageContaining("leaves the source root");
        assertThatThrownBy(() -> render("./nope", KustomizeOverlays.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("cannot render ./nope (" + UNIT + "): kustomization path not found")
                .hasMessageContaining("spec.path is relative to the root of the source");
    }

    @Test
    void shouldSayWhichFolderCannotBeRenderedWithoutABinaryOnPath() {
        tree.configMap("clusters/prod/apps/a.yaml", "a");
        KustomizeRenderer noPath = new KustomizeRenderer(
                KustomizeOptions.defaults().withSearchPath("").withScratchDir(scratch));

        assertThatThrownBy(() ->
                        noPath.render(new RenderRequest(source, "./clusters/prod/apps", KustomizeOverlays.NONE, UNIT)))
                .isInstanceOf(RenderException.class)
                .hasMessage("cannot render clusters/prod/apps (" + UNIT + "): no kustomize or kubectl binary on PATH"
                        + " — install kubectl ≥1.27 or kustomize 5, or set the kustomize binary path");
    }

    @Test
    void shouldSayWhenTheConfiguredBinaryDoesNotExist() {
        tree.configMap("apps/a.yaml", "a");
        Path missing = scratch.resolve("no/such/kustomize");
        KustomizeRenderer broken = new KustomizeRenderer(
                KustomizeOptions.defaults().withBinary(missing).withScratchDir(scratch));

        assertThatThrownBy(() -> broken.render(new RenderRequest(source, "apps", KustomizeOverlays.NONE, UNIT)))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("cannot render apps (" + UNIT + "): the kustomize binary " + missing)
                .hasMessageNotContaining("\n");
    }

    private Map<Path, String> snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile)
                    .collect(java.util.stream.Collectors.toMap(
                            p -> p, p -> tree.read(source.relativize(p).toString())));
        }
    }

    private static Map<String, Manifest> byName(RenderResult result) {
        return result.manifests().stream().collect(java.util.stream.Collectors.toMap(Manifest::name, m -> m));
    }
}
