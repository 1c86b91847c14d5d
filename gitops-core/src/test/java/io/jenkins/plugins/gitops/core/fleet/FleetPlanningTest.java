package io.jenkins.plugins.gitops.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlanJson;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.plan.Planner;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.source.GitRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans fleets kept in temporary Git repositories through the real engine: JGit for sources and
 * the kustomize (or kubectl) found on the PATH for rendering. One planner serves the whole class,
 * as one serves a whole Jenkins agent.
 */
class FleetPlanningTest {

    private static final String PROD = "clusters/prod";

    /** Line 6 is not YAML: a plain scalar may not hold ": ". */
    private static final String BAD_YAML =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  key: a: b\n";

    @TempDir
    static Path shared;

    private static Planner planner;

    @TempDir
    Path tmp;

    private final List<FleetRepo> repos = new ArrayList<>();

    @BeforeAll
    static void createPlanner() {
        assumeTrue(new KustomizeRenderer().binary().isPresent(), "no kustomize or kubectl binary on the PATH");
        planner = GitOps.planner(shared.resolve("cache"), shared.resolve("work"), null);
    }

    @AfterEach
    void closeRepos() {
        repos.forEach(FleetRepo::close);
    }

    // ---- discovery ----

    @Test
    void shouldDiscoverUnitsRecursivelyThroughRenderedOutputOnly() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/infra.yaml", ks("infra", "./infrastructure"))
                .file("infrastructure/kustomization.yaml", "resources:\n- controllers.yaml\n- settings.yaml\n")
                .file("infrastructure/controllers.yaml", ks("controllers", "./controllers"))
                .file("infrastructure/settings.yaml", configMap("infra-settings"))
                .file("infrastructure/orphan.yaml", ks("orphan", "./orphan"))
                .file("controllers/configs.yaml", ks("configs", "./configs"))
                .file("configs/settings.yaml", configMap("configs-settings"))
                .file("orphan/settings.yaml", configMap("orphan-settings"))
                .file("unreached/stray.yaml", ks("stray", "./configs"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.waves())
                .containsExactly(
                        List.of("flux-system/flux-system"),
                        List.of("flux-system/infra"),
                        List.of("flux-system/controllers"),
                        List.of("flux-system/configs"));
        assertThat(unit(plan, "controllers").parent()).isEqualTo("flux-system/infra");
        assertThat(unit(plan, "configs").parent()).isEqualTo("flux-system/controllers");
        assertThat(ids(manifests(plan, "infra")))
                .containsExactlyInAnyOrder("Kustomization/flux-system/controllers", "ConfigMap/infra-settings");
        assertThat(ids(manifests(plan, "configs"))).containsExactly("ConfigMap/configs-settings");
    }

    // ---- the entry repository and its refs ----

    @Test
    void shouldPlanTheBranchHeadWhenTheEntryIsAGitUrlWithABranch() {
        ReleasedFleet fleet = releasedFleet();

        Plan staging = planRemote(fleet.repo, GitRef.ofBranch("staging"));
        Plan main = planRemote(fleet.repo, GitRef.ofBranch("main"));

        assertThat(staging.errors()).isEmpty();
        assertThat(staging.sourceUrl()).isEqualTo(fleet.repo.url());
        assertThat(staging.revision()).isEqualTo("staging@sha1:" + fleet.staging);
        assertThat(releaseVersion(staging)).isEqualTo("staging");
        assertThat(unit(staging, "flux-system").loaded().revision()).isEqualTo(staging.revision());
        assertThat(main.revision()).isEqualTo("main@sha1:" + fleet.mainHead);
        assertThat(releaseVersion(main)).isEqualTo("1.3.0-dev");
    }

    @Test
    void shouldPlanTheTaggedCommitWhenTheEntryRefIsATag() {
        ReleasedFleet fleet = releasedFleet();

        Plan plan = planRemote(fleet.repo, GitRef.ofTag("v1.1.0"));

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.revision()).isEqualTo("v1.1.0@sha1:" + fleet.v110);
        assertThat(releaseVersion(plan)).isEqualTo("1.1.0");
    }

    @Test
    void shouldPlanTheHighestTagInASemverRange() {
        ReleasedFleet fleet = releasedFleet();

        Plan plan = planRemote(fleet.repo, GitRef.ofSemver(">=1.0.0 <2.0.0"));

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.revision()).isEqualTo("v1.2.0@sha1:" + fleet.v120);
        assertThat(releaseVersion(plan)).isEqualTo("1.2.0");
    }

    @Test
    void shouldPlanAPinnedCommitWithABareRevision() {
        ReleasedFleet fleet = releasedFleet();

        Plan plan = planRemote(fleet.repo, GitRef.ofCommit(fleet.v110));

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.revision()).isEqualTo("sha1:" + fleet.v110);
        assertThat(releaseVersion(plan)).isEqualTo("1.1.0");
    }

    @Test
    void shouldReadALocalWorkingCopyAsItIsOnDisk() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/release.yaml", configMap("release", "version: committed"))
                .commit("committed");
        fleet.file("clusters/prod/release.yaml", configMap("release", "version: on-disk"))
                .file("clusters/prod/new.yaml", configMap("untracked"));

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.revision()).isEqualTo("main@sha1:" + fleet.head());
        assertThat(releaseVersion(plan)).isEqualTo("on-disk");
        assertThat(ids(manifests(plan, "flux-system"))).contains("ConfigMap/untracked");
    }

    // ---- other sources ----

    @Test
    void shouldRenderUnitsFromAnotherGitRepositoryAtItsTagWithItsIgnoreRules() {
        FleetRepo apps = repo("apps")
                .file(".sourceignore", "# drafts are not deployed\n/deploy/draft.yaml\n")
                .file("deploy/app.yaml", configMap("app", "version: 0.1.0"))
                .file("deploy/draft.yaml", "this: [is not: valid yaml\n")
                .file("deploy/local-only.yaml", configMap("local-only"))
                .commit("release 0.1.0")
                .tag("v0.1.0");
        String released = apps.head();
        apps.file("deploy/app.yaml", configMap("app", "version: 0.2.0-dev")).commit("work in progress");
        FleetRepo fleet = repo("fleet")
                .file(
                        "clusters/prod/apps-source.yaml",
                        gitRepository("source.toolkit.fluxcd.io/v1", "apps", apps.url(), "tag: v0.1.0")
                                + "  ignore: |\n    /deploy/local-only.yaml\n")
                .file(
                        "clusters/prod/apps.yaml",
                        ks("apps", "./deploy", "sourceRef:\n  kind: GitRepository\n  name: apps"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        PlannedUnit unit = unit(plan, "apps");
        assertThat(unit.loaded().revision()).isEqualTo("v0.1.0@sha1:" + released);
        assertThat(ids(unit.loaded().manifests())).containsExactly("ConfigMap/app");
        assertThat(data(unit.loaded().manifests().get(0))).containsEntry("version", "0.1.0");
        assertThat(unit(plan, "flux-system").loaded().revision()).isEqualTo("main@sha1:" + fleet.head());
    }

    @Test
    void shouldReadOldFluxApiVersions() {
        FleetRepo legacy = repo("legacy")
                .file("web/deploy.yaml", deployment("web", "nginx:1.25"))
                .file("worker/settings.yaml", configMap("worker-settings"))
                .commit("legacy apps");
        String v1beta2Kustomization =
                """
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
                kind: Kustomization
                metadata:
                  name: web
                  namespace: flux-system
                spec:
                  interval: 10m
                  prune: true
                  path: ./web
                  sourceRef:
                    kind: GitRepository
                    name: legacy-b2
                  patchesStrategicMerge:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: web
                      spec:
                        replicas: 3
                  patchesJson6902:
                    - target:
                        group: apps
                        version: v1
                        kind: Deployment
                        name: web
                      patch:
                        - op: add
                          path: /metadata/labels/tier
                          value: frontend
                """;
        String v1beta1Kustomization =
                """
                ---
                apiVersion: kustomize.toolkit.fluxcd.io/v1beta1
                kind: Kustomization
                metadata:
                  name: worker
                  namespace: flux-system
                spec:
                  interval: 10m
                  prune: true
                  path: ./worker
                  sourceRef:
                    kind: GitRepository
                    name: legacy-b1
                  dependsOn:
                    - name: web
                """;
        String helm =
                """
                ---
                apiVersion: source.toolkit.fluxcd.io/v1beta2
                kind: HelmRepository
                metadata:
                  name: charts
                  namespace: flux-system
                spec:
                  interval: 1h
                  url: https://charts.example.com
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2beta1
                kind: HelmRelease
                metadata:
                  name: redis
                  namespace: flux-system
                spec:
                  interval: 10m
                  chart:
                    spec:
                      chart: redis
                      sourceRef:
                        kind: HelmRepository
                        name: charts
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2beta2
                kind: HelmRelease
                metadata:
                  name: cache
                  namespace: flux-system
                spec:
                  interval: 10m
                  dependsOn:
                    - name: redis
                  chart:
                    spec:
                      chart: memcached
                      sourceRef:
                        kind: HelmRepository
                        name: charts
                """;
        FleetRepo fleet = repo("fleet")
                .file(
                        "clusters/prod/sources.yaml",
                        gitRepository("source.toolkit.fluxcd.io/v1beta2", "legacy-b2", legacy.url(), "branch: main")
                                + gitRepository(
                                        "source.toolkit.fluxcd.io/v1beta1", "legacy-b1", legacy.url(), "branch: main"))
                .file("clusters/prod/web.yaml", v1beta2Kustomization)
                .file("clusters/prod/worker.yaml", v1beta1Kustomization)
                .file("clusters/prod/helm.yaml", helm)
                .commit("legacy fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.units())
                .extracting(PlannedUnit::id)
                .containsExactly(
                        "flux-system/flux-system",
                        "flux-system/redis",
                        "flux-system/web",
                        "flux-system/cache",
                        "flux-system/worker");
        assertThat(unit(plan, "worker").loaded().manifests()).hasSize(1);
        assertThat(unit(plan, "cache").loaded().unit().kind()).isEqualTo(UnitKind.HELM_RELEASE);
        Manifest web = manifests(plan, "web").get(0);
        assertThat(web.get("spec", "replicas")).contains(3);
        assertThat(web.labels()).containsEntry("tier", "frontend");
        assertThat(unit(plan, "web").loaded().revision()).isEqualTo("main@sha1:" + legacy.head());
    }

    // ---- parents, generation and overlays ----

    @Test
    void shouldApplyParentPatchesToChildSpecs() {
        String parent = ks(
                "apps",
                "./apps/definitions",
                """
                patches:
                  - target:
                      kind: Kustomization
                      name: web
                    patch: |
                      - op: replace
                        path: /spec/path
                        value: ./apps/web/prod
                  - target:
                      kind: Kustomization
                      name: web
                    patch: |
                      apiVersion: kustomize.toolkit.fluxcd.io/v1
                      kind: Kustomization
                      metadata:
                        name: web
                      spec:
                        postBuild:
                          substitute:
                            env: production""");
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", parent)
                .file("apps/definitions/web.yaml", ks("web", "./apps/web/base"))
                .file("apps/web/base/settings.yaml", configMap("web-settings", "env: base"))
                .file("apps/web/prod/settings.yaml", configMap("web-settings", "env: ${env}"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        PlannedUnit web = unit(plan, "web");
        assertThat(web.loaded().unit().path()).isEqualTo("./apps/web/prod");
        assertThat(web.loaded().unit().substitute()).containsExactly(Map.entry("env", "production"));
        assertThat(data(manifests(plan, "web").get(0))).containsExactly(Map.entry("env", "production"));
    }

    @Test
    void shouldGenerateAKustomizationForAFolderWithoutOne() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps"))
                .file("apps/a.yaml", configMap("a"))
                .file("apps/b.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"json\"}}")
                .file("apps/bundled/kustomization.yaml", "resources:\n- listed.yaml\n")
                .file("apps/bundled/listed.yaml", configMap("listed"))
                .file("apps/bundled/unlisted.yaml", configMap("unlisted"))
                .file("apps/plain/nested/z.yaml", configMap("z"))
                .file("apps/plain/readme.md", "# not a manifest\n")
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        assertThat(ids(manifests(plan, "apps"))).containsExactly("ConfigMap/a", "ConfigMap/listed", "ConfigMap/z");
    }

    @Test
    void shouldApplyTheKustomizationOverlaysToTheRenderedManifests() {
        String web = ks(
                "web",
                "./web",
                """
                targetNamespace: shop
                namePrefix: eu-
                nameSuffix: -v2
                patches:
                  - target:
                      kind: Deployment
                      name: web
                    patch: |
                      - op: replace
                        path: /spec/replicas
                        value: 4
                images:
                  - name: nginx
                    newTag: "1.27"
                components:
                  - ../components/monitoring
                commonMetadata:
                  labels:
                    team: shop
                  annotations:
                    owner: shop-team""");
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/web.yaml", web)
                .file("web/kustomization.yaml", "resources:\n- deploy.yaml\n")
                .file("web/deploy.yaml", deployment("web", "nginx:1.25"))
                .file(
                        "components/monitoring/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- monitor.yaml\n")
                .file("components/monitoring/monitor.yaml", configMap("monitor"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        List<Manifest> rendered = manifests(plan, "web");
        assertThat(ids(rendered))
                .containsExactlyInAnyOrder("Deployment/shop/eu-web-v2", "ConfigMap/shop/eu-monitor-v2");
        Manifest deployment = rendered.stream()
                .filter(m -> m.kind().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        assertThat(deployment.get("spec", "replicas")).contains(4);
        assertThat(deployment.get("spec", "template", "spec", "containers"))
                .hasValueSatisfying(c -> assertThat(c.toString()).contains("image=nginx:1.27"));
        for (Manifest m : rendered) {
            assertThat(m.labels()).containsEntry("team", "shop");
            assertThat(m.annotations()).containsEntry("owner", "shop-team");
        }
    }

    // ---- substitution ----

    @Test
    void shouldSubstituteInlineVariablesWithDefaultsAndEscapes() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps", "postBuild:\n  substitute:\n    cluster: prod"))
                .file(
                        "apps/settings.yaml",
                        configMap(
                                "settings",
                                "cluster: ${cluster}",
                                "region: ${region:=eu-west-1}",
                                "literal: $${cluster}"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        assertThat(data(manifests(plan, "apps").get(0)))
                .containsOnly(
                        Map.entry("cluster", "prod"),
                        Map.entry("region", "eu-west-1"),
                        Map.entry("literal", "${cluster}"));
    }

    @Test
    void shouldReportAnUnsetVariableInStrictModeAsARenderProblem() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps", "postBuild:\n  substitute:\n    cluster: prod"))
                .file("apps/settings.yaml", configMap("settings", "cluster: ${cluster}", "zone: ${zone}"))
                .commit("fleet");

        Plan lenient = planLocal(fleet);
        Plan strict = planner.plan(FleetRequest.of(fleet.dir().toString(), PROD).withStrictSubstitution(true));

        assertThat(lenient.errors()).isEmpty();
        // Unset means empty, and an empty plain scalar reads back as null, as in Flux.
        assertThat(data(manifests(lenient, "apps").get(0))).containsEntry("zone", null);
        assertThat(strict.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.units()).containsExactly("flux-system/apps");
            assertThat(p.message()).contains("ConfigMap", "settings", "apps/settings.yaml", "\"zone\"");
        });
        assertThat(unit(strict, "apps").error()).contains("zone");
    }

    @Test
    void shouldLeaveObjectsThatOptOutOfSubstitutionAlone() {
        String optedOut =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: template
                  annotations:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  cluster: ${cluster}
                """;
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps", "postBuild:\n  substitute:\n    cluster: prod"))
                .file("apps/settings.yaml", configMap("settings", "cluster: ${cluster}"))
                .file("apps/template.yaml", optedOut)
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).isEmpty();
        Map<String, Manifest> byName =
                manifests(plan, "apps").stream().collect(Collectors.toMap(Manifest::name, m -> m));
        assertThat(data(byName.get("settings"))).containsEntry("cluster", "prod");
        assertThat(data(byName.get("template"))).containsEntry("cluster", "${cluster}");
    }

    @Test
    void shouldNoteSubstituteFromAsResolvedAtApplyTimeWhileInlineValuesApply() {
        String postBuild =
                """
                postBuild:
                  substitute:
                    cluster: prod
                  substituteFrom:
                    - kind: ConfigMap
                      name: cluster-vars
                    - kind: Secret
                      name: cluster-secrets
                      optional: true""";
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps", postBuild))
                .file("apps/settings.yaml", configMap("settings", "cluster: ${cluster}", "domain: ${domain}"))
                .commit("fleet");

        Plan plan = planner.plan(FleetRequest.of(fleet.dir().toString(), PROD).withStrictSubstitution(true));

        assertThat(plan.errors()).isEmpty();
        assertThat(unit(plan, "apps").loaded().notes())
                .containsExactly(
                        "postBuild.substituteFrom (ConfigMap/cluster-vars, Secret/cluster-secrets?) is resolved at apply time");
        assertThat(data(manifests(plan, "apps").get(0)))
                .containsOnly(Map.entry("cluster", "prod"), Map.entry("domain", "${domain}"));
    }

    // ---- problems ----

    @Test
    void shouldReportADependencyCycleWithItsPath() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/a.yaml", ks("a", "./a", "dependsOn:\n  - name: b"))
                .file("clusters/prod/b.yaml", ks("b", "./b", "dependsOn:\n  - name: a"))
                .file("clusters/prod/c.yaml", ks("c", "./c"))
                .file("a/settings.yaml", configMap("a"))
                .file("b/settings.yaml", configMap("b"))
                .file("c/settings.yaml", configMap("c"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.CYCLE);
            assertThat(p.message())
                    .contains("flux-system/a -> flux-system/b -> flux-system/a")
                    .contains("clusters/prod/a.yaml", "clusters/prod/b.yaml");
            assertThat(p.units()).containsExactly("flux-system/a", "flux-system/b");
        });
        assertThat(unit(plan, "a").wave()).isNull();
        assertThat(unit(plan, "c").wave()).isEqualTo(1);
    }

    @Test
    void shouldReportAMissingDependencyWithTheUnitAndItsFile() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps", "dependsOn:\n  - name: database"))
                .file("apps/settings.yaml", configMap("settings"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.MISSING_DEPENDENCY);
            assertThat(p.message())
                    .contains("Kustomization/flux-system/apps", "clusters/prod/apps.yaml", "flux-system/database");
            assertThat(p.units()).containsExactly("flux-system/apps");
        });
        assertThat(unit(plan, "apps").dependsOn()).containsExactly("flux-system/database");
    }

    @Test
    void shouldReportDuplicatesNamingBothFiles() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps"))
                .file("clusters/prod/team.yaml", ks("team", "./team"))
                .file("team/apps.yaml", ks("apps", "./other"))
                .file("apps/settings.yaml", configMap("settings"))
                .file("other/settings.yaml", configMap("other"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.DUPLICATE);
            assertThat(p.message())
                    .contains("Kustomization flux-system/apps")
                    .contains("in clusters/prod/apps.yaml and in team/apps.yaml");
            assertThat(p.units()).containsExactly("flux-system/apps");
        });
        assertThat(unit(plan, "apps").loaded().unit().path()).isEqualTo("./apps");
    }

    @Test
    void shouldFailTheRenderThatDeclaresAnObjectTwiceAsFluxWould() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps"))
                .file("clusters/prod/team/apps.yaml", ks("apps", "./other"))
                .file("apps/settings.yaml", configMap("settings"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.units()).containsExactly("flux-system/flux-system");
            assertThat(p.message())
                    .contains("already registered id", "'clusters/prod/team/apps.yaml'")
                    .doesNotContain(shared.toString());
        });
    }

    @Test
    void shouldConfineASourceErrorToTheUnitsThatUseIt() {
        String unreachable = tmp.resolve("no-such-repo").toUri().toString();
        FleetRepo fleet = repo("fleet")
                .file(
                        "clusters/prod/sources.yaml",
                        gitRepository("source.toolkit.fluxcd.io/v1", "gone", unreachable, "branch: main"))
                .file(
                        "clusters/prod/remote.yaml",
                        ks("remote", "./deploy", "sourceRef:\n  kind: GitRepository\n  name: gone"))
                .file("clusters/prod/local.yaml", ks("local", "./local"))
                .file("local/settings.yaml", configMap("settings"))
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.SOURCE);
            assertThat(p.units()).containsExactly("flux-system/remote");
            assertThat(p.message()).contains("flux-system/gone");
        });
        assertThat(unit(plan, "remote").error()).isNotNull();
        assertThat(unit(plan, "local").error()).isNull();
        assertThat(ids(manifests(plan, "local"))).containsExactly("ConfigMap/settings");
    }

    @Test
    void shouldNameFileAndLineOfMalformedYamlInAGeneratedKustomization() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps"))
                .file("apps/good.yaml", configMap("good"))
                .file("apps/bad.yaml", BAD_YAML)
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.units()).containsExactly("flux-system/apps");
            assertThat(p.message()).contains("apps/bad.yaml:6");
        });
    }

    @Test
    void shouldNameFileAndLineOfMalformedYamlInAKustomizationResource() {
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/apps.yaml", ks("apps", "./apps"))
                .file("apps/kustomization.yaml", "resources:\n- good.yaml\n- bad.yaml\n")
                .file("apps/good.yaml", configMap("good"))
                .file("apps/bad.yaml", BAD_YAML)
                .commit("fleet");

        Plan plan = planLocal(fleet);

        assertThat(plan.errors()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.RENDER);
            assertThat(p.units()).containsExactly("flux-system/apps");
            assertThat(p.message()).contains("bad.yaml").containsPattern("line 6");
        });
    }

    // ---- the JSON plan ----

    @Test
    void shouldWriteTheDocumentedJsonPlan() {
        String apps = ks(
                "apps",
                "./apps",
                """
                dependsOn:
                  - name: infra
                postBuild:
                  substituteFrom:
                    - kind: ConfigMap
                      name: vars""");
        FleetRepo fleet = repo("fleet")
                .file("clusters/prod/infra.yaml", ks("infra", "./infra"))
                .file("clusters/prod/apps.yaml", apps)
                .file("infra/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
                .file("apps/deploy.yaml", deployment("web", "nginx:1.25"))
                .file("apps/settings.yaml", configMap("settings", "domain: ${domain}"))
                .commit("fleet");
        String revision = "main@sha1:" + fleet.head();

        Map<String, Object> json = PlanJson.toTree(planRemote(fleet, GitRef.ofBranch("main")));

        assertThat(json)
                .containsExactly(
                        Map.entry("source", Map.of("url", fleet.url(), "revision", revision)),
                        Map.entry("path", PROD),
                        Map.entry(
                                "units",
                                List.of(
                                        jsonUnit(
                                                "flux-system/flux-system",
                                                List.of(),
                                                0,
                                                null,
                                                PROD,
                                                Map.of("Kustomization", 2),
                                                revision,
                                                "(entry path clusters/prod)",
                                                List.of()),
                                        jsonUnit(
                                                "flux-system/infra",
                                                List.of(),
                                                1,
                                                "flux-system/flux-system",
                                                "./infra",
                                                Map.of("Namespace", 1),
                                                revision,
                                                "clusters/prod/infra.yaml",
                                                List.of()),
                                        jsonUnit(
                                                "flux-system/apps",
                                                List.of("flux-system/infra"),
                                                2,
                                                "flux-system/flux-system",
                                                "./apps",
                                                Map.of("ConfigMap", 1, "Deployment", 1),
                                                revision,
                                                "clusters/prod/apps.yaml",
                                                List.of(
                                                        "postBuild.substituteFrom (ConfigMap/vars) is resolved at apply time")))),
                        Map.entry(
                                "waves",
                                List.of(
                                        List.of("flux-system/flux-system"),
                                        List.of("flux-system/infra"),
                                        List.of("flux-system/apps"))),
                        Map.entry("errors", List.of()));
    }

    // ---- fixtures ----

    /** A fleet with releases: v1.1.0 and v1.2.0 tagged on main, an untagged main head, a staging branch. */
    private record ReleasedFleet(FleetRepo repo, String v110, String v120, String mainHead, String staging) {}

    private ReleasedFleet releasedFleet() {
        FleetRepo repo = repo("released");
        String v110 = repo.file("clusters/prod/release.yaml", configMap("release", "version: 1.1.0"))
                .commit("1.1.0")
                .tag("v1.1.0")
                .head();
        String v120 = repo.file("clusters/prod/release.yaml", configMap("release", "version: 1.2.0"))
                .commit("1.2.0")
                .tag("v1.2.0")
                .head();
        String mainHead = repo.file("clusters/prod/release.yaml", configMap("release", "version: 1.3.0-dev"))
                .commit("towards 1.3.0")
                .head();
        String staging = repo.branch("staging")
                .file("clusters/prod/release.yaml", configMap("release", "version: staging"))
                .commit("staging")
                .head();
        repo.checkout("main");
        return new ReleasedFleet(repo, v110, v120, mainHead, staging);
    }

    private FleetRepo repo(String name) {
        FleetRepo repo = FleetRepo.init(tmp.resolve(name));
        repos.add(repo);
        return repo;
    }

    private static Plan planLocal(FleetRepo repo) {
        return planner.plan(FleetRequest.of(repo.dir().toString(), PROD));
    }

    private static Plan planRemote(FleetRepo repo, GitRef ref) {
        return planner.plan(FleetRequest.of(repo.url(), PROD).withRef(ref));
    }

    private static PlannedUnit unit(Plan plan, String name) {
        return plan.unit("flux-system/" + name)
                .orElseThrow(() -> new AssertionError("no unit flux-system/" + name + " in " + plan.units()));
    }

    private static List<Manifest> manifests(Plan plan, String name) {
        return unit(plan, name).loaded().manifests();
    }

    private static List<String> ids(List<Manifest> manifests) {
        return manifests.stream()
                .map(m -> m.kind() + "/" + (m.namespace().isEmpty() ? "" : m.namespace() + "/") + m.name())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Manifest m) {
        return (Map<String, Object>) m.get("data").orElse(Map.of());
    }

    private static String releaseVersion(Plan plan) {
        return manifests(plan, "flux-system").stream()
                .filter(m -> m.name().equals("release"))
                .map(m -> String.valueOf(data(m).get("version")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> jsonUnit(
            String id,
            List<String> dependsOn,
            int wave,
            String parent,
            String path,
            Map<String, Integer> kinds,
            String revision,
            String file,
            List<String> notes) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", id);
        u.put("kind", "Kustomization");
        u.put("dependsOn", dependsOn);
        u.put("wave", wave);
        u.put("parent", parent);
        u.put("path", path);
        u.put("objects", kinds.values().stream().mapToInt(Integer::intValue).sum());
        u.put("kinds", kinds);
        u.put("error", null);
        u.put("revision", revision);
        u.put("file", file);
        u.put("notes", notes);
        return u;
    }

    // ---- YAML ----

    /** A v1 Kustomization in flux-system reading the entry repository, with extra spec lines. */
    static String ks(String name, String path, String... specLines) {
        StringBuilder yaml = new StringBuilder()
                .append("---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n")
                .append("  name: ")
                .append(name)
                .append("\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n  path: ")
                .append(path)
                .append('\n');
        boolean ownSource = Arrays.stream(specLines).anyMatch(l -> l.startsWith("sourceRef:"));
        if (!ownSource) {
            yaml.append("  sourceRef:\n    kind: GitRepository\n    name: flux-system\n");
        }
        for (String lines : specLines) {
            lines.lines().forEach(l -> yaml.append("  ").append(l).append('\n'));
        }
        return yaml.toString();
    }

    /** A GitRepository in flux-system; {@code ref} is one line of {@code spec.ref}. */
    static String gitRepository(String apiVersion, String name, String url, String ref) {
        return "---\napiVersion: " + apiVersion + "\nkind: GitRepository\nmetadata:\n  name: " + name
                + "\n  namespace: flux-system\nspec:\n  interval: 1m\n  url: " + url + "\n  ref:\n    " + ref + "\n";
    }

    static String configMap(String name, String... data) {
        StringBuilder yaml =
                new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n");
        if (data.length == 0) {
            yaml.append("  key: value\n");
        }
        for (String entry : data) {
            yaml.append("  ").append(entry).append('\n');
        }
        return yaml.toString();
    }

    static String deployment(String name, String image) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels:
                    app: %s
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: %s
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                      - name: main
                        image: %s
                """
                .formatted(name, name, name, name, image);
    }
}
