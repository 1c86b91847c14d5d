package io.jenkins.plugins.gitops.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.core.fleet.Problem;
import io.jenkins.plugins.gitops.core.fleet.UnitKind;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.render.KustomizeOverlays;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.render.RenderRequest;
import io.jenkins.plugins.gitops.core.testing.Corpus;
import io.jenkins.plugins.gitops.core.testing.CorpusHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans each entry of the shared public fleet corpus through the real engine, from a Git
 * repository built at test time, and compares every Kustomization with the reference facts that
 * {@code kubectl kustomize} and a reading of Flux's sources gave: Flux's render (object count,
 * kinds, hash), the raw render of the unit's path, the dependency levels and the HelmReleases.
 * Units whose source is outside the corpus must fail alone, as a source problem.
 */
class FleetCorpusCompatibilityTest {

    /** Corpus folders by repository, as the corpus README lists them. */
    private static final Map<String, String> FOLDERS = Map.of(
            "fluxcd/flux2-kustomize-helm-example", "flux2-kustomize-helm-example",
            "external-secrets/external-secrets", "external-secrets-gitops",
            "digitalocean/Kubernetes-Starter-Kit-Developers", "digitalocean-fluxcd");

    @TempDir
    Path temp;

    @TestFactory
    List<DynamicNode> shouldPlanTheCorpusAsFluxWould() throws IOException {
        Path corpus = Corpus.folder().orElse(null);
        if (corpus == null) {
            return skipped(Corpus.ABSENT);
        }
        if (new KustomizeRenderer().binary().isEmpty()) {
            return skipped("no kustomize or kubectl on PATH: corpus comparison skipped");
        }
        JsonNode facts =
                new ObjectMapper().readTree(corpus.resolve("FACTS.json").toFile());
        List<DynamicNode> nodes = new ArrayList<>();
        int n = 0;
        for (JsonNode repo : facts.get("repos")) {
            String folder = FOLDERS.get(repo.get("repo").asText());
            assertThat(folder).as("corpus folder of " + repo.get("repo")).isNotNull();
            for (JsonNode entry : repo.get("entries")) {
                CorpusEntry e = CorpusEntry.of(folder, corpus.resolve(folder), entry);
                nodes.add(dynamicContainer(e.displayName(), tests(new PlannedEntry(e, temp.resolve("e" + n++)))));
            }
        }
        return nodes;
    }

    /** An aborted test rather than an aborted factory, so the report counts the skip and its reason. */
    private static List<DynamicNode> skipped(String reason) {
        return List.of(dynamicTest("fleet corpus", () -> Assumptions.abort(reason)));
    }

    private static List<DynamicNode> tests(PlannedEntry run) {
        CorpusEntry entry = run.entry();
        List<DynamicNode> tests = new ArrayList<>();
        for (KustomizationFacts k : entry.kustomizations()) {
            String name = entry.displayName() + " " + k.id();
            if (k.sourceInCorpus()) {
                tests.add(dynamicTest(name + " (flux)", () -> assertFluxRender(run, k, name)));
                tests.add(dynamicTest(name + " (raw)", () -> assertRawRender(run, k, name)));
            } else {
                tests.add(dynamicTest(name + " (source unavailable)", () -> assertSourceProblem(run, k, name)));
            }
        }
        tests.add(dynamicTest(entry.displayName() + " (plan intact)", () -> assertPlanIntact(run)));
        tests.add(dynamicTest(entry.displayName() + " (kustomization levels)", () -> assertLevels(run)));
        tests.add(dynamicTest(entry.displayName() + " (helm releases)", () -> assertHelmReleases(run)));
        return tests;
    }

    private static void assertFluxRender(PlannedEntry run, KustomizationFacts k, String name) throws Exception {
        PlannedUnit unit = run.kustomization(k.id());
        assertThat(unit.error()).as(name + " error").isNull();
        List<Manifest> manifests = unit.loaded().manifests();
        assertThat(manifests).as(name + " objects").hasSize(k.flux().objects());
        assertThat(kinds(manifests)).as(name + " kinds").isEqualTo(k.kinds());
        assertThat(CorpusHash.sha256(manifests))
                .as(name + " hash")
                .isEqualTo(k.flux().sha256());
    }

    private static void assertRawRender(PlannedEntry run, KustomizationFacts k, String name) throws Exception {
        Path root = run.sourceRoot(k);
        if (k.fromExternalArtifact()) {
            assertThat(fileCount(root))
                    .as(name + " artifact files")
                    .isEqualTo(k.artifactFiles().orElseThrow());
        }
        String dir = k.fromExternalArtifact() ? k.renderDir() : run.entry().relocate(k.renderDir());
        List<Manifest> manifests = run.renderer()
                .render(new RenderRequest(root, dir, KustomizeOverlays.NONE, "Kustomization/" + k.id()))
                .manifests();
        assertThat(manifests).as(name + " raw objects").hasSize(k.raw().objects());
        assertThat(CorpusHash.sha256(manifests))
                .as(name + " raw hash")
                .isEqualTo(k.raw().sha256());
    }

    private static void assertSourceProblem(PlannedEntry run, KustomizationFacts k, String name) throws Exception {
        PlannedUnit unit = run.kustomization(k.id());
        assertThat(unit.error()).as(name + " error").isNotNull();
        assertThat(unit.loaded().manifests()).isEmpty();
        assertThat(run.plan().errors())
                .filteredOn(p -> p.units().contains(k.id()))
                .singleElement()
                .satisfies(p -> assertThat(p.type()).isEqualTo(Problem.Type.SOURCE))
                .satisfies(p -> assertThat(p.units()).containsExactly(k.id()));
    }

    /** Only units whose source is out of reach fail; every other one is planned without error. */
    private static void assertPlanIntact(PlannedEntry run) throws Exception {
        Set<String> unavailable = run.entry().kustomizations().stream()
                .filter(k -> !k.sourceInCorpus())
                .map(KustomizationFacts::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = run.entry().kustomizations().stream()
                .map(KustomizationFacts::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Plan plan = run.plan();
        assertThat(plan.errors()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo(Problem.Type.SOURCE);
            assertThat(unavailable).containsAll(p.units());
        });
        Set<String> planned = new TreeSet<>();
        for (PlannedUnit u : plan.units()) {
            if (u.loaded().unit().kind() == UnitKind.KUSTOMIZATION) {
                planned.add(u.loaded().unit().id().toString());
            }
            if (!unavailable.contains(u.id())) {
                assertThat(u.error()).as(u.id() + " error").isNull();
                assertThat(u.wave()).as(u.id() + " wave").isNotNull();
            }
        }
        assertThat(planned).isEqualTo(expected);
    }

    /** Our waves include HelmReleases; without them they are Flux's levels with parent edges. */
    private static void assertLevels(PlannedEntry run) throws Exception {
        Plan plan = run.plan();
        List<Set<String>> levels = new ArrayList<>();
        for (List<String> wave : plan.waves()) {
            Set<String> kustomizations = wave.stream()
                    .filter(id -> plan.unit(id).orElseThrow().loaded().unit().kind() == UnitKind.KUSTOMIZATION)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!kustomizations.isEmpty()) {
                levels.add(kustomizations);
            }
        }
        List<Set<String>> expected = run.entry().kustomizationLevels().stream()
                .map(level -> (Set<String>) new TreeSet<>(level))
                .toList();
        assertThat(levels).isEqualTo(expected);
    }

    private static void assertHelmReleases(PlannedEntry run) throws Exception {
        Set<String> helmReleases = run.plan().units().stream()
                .filter(u -> u.loaded().unit().kind() == UnitKind.HELM_RELEASE)
                .map(u -> u.loaded().unit().id().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(helmReleases).isEqualTo(run.entry().helmReleaseIds());
    }

    private static long fileCount(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Map<String, Integer> kinds(List<Manifest> manifests) {
        return manifests.stream()
                .collect(Collectors.groupingBy(Manifest::kind, TreeMap::new, Collectors.summingInt(m -> 1)));
    }
}
