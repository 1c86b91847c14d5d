package io.jenkins.plugins.gitops.core.plan;

import static io.jenkins.plugins.gitops.core.plan.FakeFleet.configMap;
import static io.jenkins.plugins.gitops.core.plan.FakeFleet.ks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.fleet.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {

    @TempDir
    Path scratch;

    @Test
    void shouldOrderLayersIntoWavesWithTheRootFirst() {
        Plan plan = new FakeFleet()
                .path(
                        "clusters/prod",
                        ks("crds", "./crds")
                                + ks("operator", "./operator", "crds")
                                + ks("stores", "./stores", "operator")
                                + ks("web", "./web"))
                .path("crds", configMap("c"))
                .path("operator", configMap("o"))
                .path("stores", configMap("s"))
                .path("web", configMap("w"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.waves())
                .containsExactly(
                        List.of("flux-system/flux-system"),
                        List.of("flux-system/crds", "flux-system/web"),
                        List.of("flux-system/operator"),
                        List.of("flux-system/stores"));
        assertThat(plan.unit("flux-system/stores").orElseThrow().dependsOn()).containsExactly("flux-system/operator");
        assertThat(plan.unit("flux-system/stores").orElseThrow().parent()).isEqualTo("flux-system/flux-system");
        assertThat(plan.units())
                .extracting(PlannedUnit::id)
                .containsExactly(
                        "flux-system/flux-system",
                        "flux-system/crds",
                        "flux-system/web",
                        "flux-system/operator",
                        "flux-system/stores");
    }

    @Test
    void shouldDiscoverNestedKustomizationsThroughRenderedOutputOnly() {
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("infra", "./infra"))
                .path("infra", ks("infra-deep", "./infra/deep") + configMap("i"))
                .path("infra/deep", configMap("d"))
                .path("unreached", ks("never", "./never"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.units())
                .extracting(PlannedUnit::id)
                .containsExactly("flux-system/flux-system", "flux-system/infra", "flux-system/infra-deep");
        assertThat(plan.unit("flux-system/infra-deep").orElseThrow().parent()).isEqualTo("flux-system/infra");
        assertThat(plan.unit("flux-system/infra-deep").orElseThrow().wave()).isEqualTo(2);
        assertThat(plan.unit("flux-system/infra").orElseThrow().loaded().manifests())
                .hasSize(2);
    }

    @Test
    void shouldDefaultDependsOnNamespaceToTheDependentsOwn() {
        String other = "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
                + "  name: app\n  namespace: team-a\nspec:\n  prune: true\n  path: ./app\n  sourceRef:\n"
                + "    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n  dependsOn:\n"
                + "    - name: base\n    - name: crds\n      namespace: flux-system\n";
        String base = other.replace("name: app", "name: base")
                .replace("path: ./app", "path: ./base")
                .replace("  dependsOn:\n    - name: base\n    - name: crds\n      namespace: flux-system\n", "");
        Plan plan = new FakeFleet()
                .path("clusters/prod", other + base + ks("crds", "./crds"))
                .path("app", configMap("a"))
                .path("base", configMap("b"))
                .path("crds", configMap("c"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.unit("team-a/app").orElseThrow().dependsOn())
                .containsExactly("team-a/base", "flux-system/crds");
    }

    @Test
    void shouldLetAKustomizationDependOnAHelmRelease() {
        String release = "---\napiVersion: helm.toolkit.fluxcd.io/v2beta1\nkind: HelmRelease\nmetadata:\n"
                + "  name: operator\n  namespace: flux-system\nspec:\n  interval: 5m\n  chart:\n    spec:\n"
                + "      chart: operator\n      sourceRef:\n        kind: HelmRepository\n        name: charts\n";
        Plan plan = new FakeFleet()
                .path("clusters/prod", release + ks("stores", "./stores", "operator"))
                .path("stores", configMap("s"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.unit("flux-system/stores").orElseThrow().dependsOn()).containsExactly("flux-system/operator");
        assertThat(plan.unit("flux-system/operator").orElseThrow().wave()).isEqualTo(1);
        assertThat(plan.unit("flux-system/stores").orElseThrow().wave()).isEqualTo(2);
        assertThat(plan.unit("flux-system/operator").orElseThrow().loaded().notes())
                .containsExactly("the chart is rendered at apply time");
    }

    @Test
    void shouldReportACycleWithItsPathAndFilesAndStillPlanTheRest() {
        Plan plan = new FakeFleet()
                .path(
                        "clusters/prod",
                        ks("a", "./a", "c")
                                + ks("b", "./b", "a")
                                + ks("c", "./c", "b")
                                + ks("d", "./d", "a")
                                + ks("free", "./free"))
                .path("a", configMap("a"))
                .path("b", configMap("b"))
                .path("c", configMap("c"))
                .path("d", configMap("d"))
                .path("free", configMap("f"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.CYCLE);
            assertThat(p.message())
                    .contains("flux-system/a -> flux-system/c -> flux-system/b -> flux-system/a")
                    .contains("clusters/prod/fleet.yaml");
            assertThat(p.units()).containsExactlyInAnyOrder("flux-system/a", "flux-system/b", "flux-system/c");
        });
        assertThat(plan.unit("flux-system/free").orElseThrow().wave()).isEqualTo(1);
        assertThat(plan.unit("flux-system/a").orElseThrow().wave()).isNull();
        assertThat(plan.unit("flux-system/d").orElseThrow().wave()).isNull();
        assertThat(plan.unit("flux-system/d").orElseThrow().error()).contains("cycle");
        assertThat(plan.waves()).containsExactly(List.of("flux-system/flux-system"), List.of("flux-system/free"));
    }

    @Test
    void shouldNameTheUnitAndFileOfAMissingDependency() {
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("apps", "./apps", "infra"))
                .path("apps", configMap("a"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.MISSING_DEPENDENCY);
            assertThat(p.message())
                    .contains("Kustomization/flux-system/apps")
                    .contains("clusters/prod/fleet.yaml")
                    .contains("flux-system/infra");
            assertThat(p.units()).containsExactly("flux-system/apps");
        });
        PlannedUnit apps = plan.unit("flux-system/apps").orElseThrow();
        assertThat(apps.wave()).isEqualTo(1);
        assertThat(apps.dependsOn()).containsExactly("flux-system/infra");
        assertThat(apps.error()).contains("dependency flux-system/infra not found");
    }

    @Test
    void shouldReportDuplicateUnitsNamingBothFiles() {
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("apps", "./apps") + ks("team", "./team"))
                .path("apps", configMap("a"))
                .path("team", ks("apps", "./other"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.DUPLICATE);
            assertThat(p.message()).contains("clusters/prod/fleet.yaml").contains("team/fleet.yaml");
            assertThat(p.units()).containsExactly("flux-system/apps");
        });
        assertThat(plan.units()).hasSize(3);
    }

    @Test
    void shouldKeepPlanningWhenOneUnitFailsToRender() {
        FakeFleet fleet = new FakeFleet()
                .path("clusters/prod", ks("broken", "./broken") + ks("after", "./after", "broken") + ks("ok", "./ok"))
                .failing("broken", "kustomize: accumulating resources: missing.yaml not found")
                .path("after", configMap("a"))
                .path("ok", configMap("o"));
        Plan plan = fleet.plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.message()).contains("missing.yaml");
        });
        assertThat(plan.unit("flux-system/broken").orElseThrow().error()).contains("missing.yaml");
        assertThat(plan.unit("flux-system/after").orElseThrow().wave()).isEqualTo(2);
        assertThat(plan.unit("flux-system/ok").orElseThrow().loaded().manifests())
                .hasSize(1);
    }

    @Test
    void shouldReportASourceErrorForUnitsOfAnUnreachableRepositoryOnly() {
        String repo = "---\napiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: GitRepository\nmetadata:\n"
                + "  name: upstream\n  namespace: flux-system\nspec:\n  interval: 1h\n  url: https://git.invalid/up.git\n"
                + "  ref:\n    tag: v1.0.0\n";
        String remoteKs = ks("crds", "./crds").replace("name: flux-system\n  path", "name: upstream\n  path");
        Plan plan = new FakeFleet()
                .path("clusters/prod", repo + remoteKs + ks("apps", "./apps"))
                .path("apps", configMap("a"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.SOURCE);
            assertThat(p.message()).contains("Kustomization/flux-system/crds").contains("https://git.invalid/up.git");
        });
        assertThat(plan.unit("flux-system/apps").orElseThrow().error()).isNull();
    }

    @Test
    void shouldRenderUnitsOfAnotherRepositoryDeclaredInTheFleet() {
        String repo = "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"
                + "  name: upstream\n  namespace: flux-system\nspec:\n  interval: 1h\n  url: https://git.example/up.git\n";
        String remoteKs = ks("crds", "./config/crds").replace("name: flux-system\n  path", "name: upstream\n  path");
        Plan plan = new FakeFleet()
                .path("clusters/prod", remoteKs + ks("infra", "./infra"))
                .path("infra", repo)
                .remotePath("https://git.example/up.git", "config/crds", configMap("crd"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.unit("flux-system/crds").orElseThrow().loaded().revision())
                .startsWith("main@sha1:bbbb");
        assertThat(plan.unit("flux-system/crds").orElseThrow().loaded().manifests())
                .hasSize(1);
    }

    @Test
    void shouldReportAUnitWhoseSourceIsNeverDeclared() {
        String remoteKs = ks("crds", "./crds").replace("name: flux-system\n  path", "name: nowhere\n  path");
        Plan plan = new FakeFleet().path("clusters/prod", remoteKs).plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.SOURCE);
            assertThat(p.message())
                    .contains("GitRepository/flux-system/nowhere")
                    .contains("not declared");
        });
    }

    @Test
    void shouldRefuseFluxApiVersionsItDoesNotRead() {
        Plan plan = new FakeFleet()
                .path(
                        "clusters/prod",
                        ks("old", "./old")
                                .replace("kustomize.toolkit.fluxcd.io/v1", "kustomize.toolkit.fluxcd.io/v1alpha1"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.message())
                    .contains("v1alpha1")
                    .contains("clusters/prod/fleet.yaml")
                    .contains("kustomize.toolkit.fluxcd.io/v1");
        });
    }

    @Test
    void shouldTellApartAHelmReleaseNamedLikeAKustomization() {
        String release = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                + "  name: podinfo\n  namespace: flux-system\nspec:\n  chart:\n    spec:\n      chart: podinfo\n"
                + "      sourceRef:\n        kind: HelmRepository\n        name: podinfo\n";
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("podinfo", "./podinfo"))
                .path("podinfo", release)
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.units())
                .extracting(PlannedUnit::id)
                .containsExactly("flux-system/flux-system", "flux-system/podinfo", "HelmRelease/flux-system/podinfo");
        assertThat(plan.unit("HelmRelease/flux-system/podinfo").orElseThrow().parent())
                .isEqualTo("flux-system/podinfo");
    }

    @Test
    void shouldFollowAnExplicitKindInDependsOn() {
        String release = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                + "  name: web\n  namespace: flux-system\nspec:\n  chart:\n    spec:\n      chart: web\n"
                + "      sourceRef:\n        kind: HelmRepository\n        name: charts\n";
        String app = ks("app", "./app") + "  dependsOn:\n    - name: web\n      kind: HelmRelease\n";
        Plan plan = new FakeFleet()
                .path("clusters/prod", ks("web", "./web") + release + app)
                .path("web", configMap("w"))
                .path("app", configMap("a"))
                .plan(scratch, "clusters/prod");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.unit("flux-system/app").orElseThrow().dependsOn())
                .containsExactly("HelmRelease/flux-system/web");
    }
}
