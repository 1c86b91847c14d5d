package io.jenkins.plugins.gitops.core.compat;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.fleet.UnitKind;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A corpus entry committed to a fresh repository and planned once, through the engine's own
 * wiring, from a {@code file://} URL so the Git fetch path is the one a remote takes.
 */
final class PlannedEntry {

    private final CorpusEntry entry;
    private final Path dir;
    private Path repository;
    private Plan plan;

    PlannedEntry(CorpusEntry entry, Path dir) {
        this.entry = entry;
        this.dir = dir;
    }

    CorpusEntry entry() {
        return entry;
    }

    /** Built on first use, so a skipped or filtered test costs nothing. */
    Plan plan() throws Exception {
        if (plan == null) {
            // The planner first: its JGit fetcher isolates JGit from the user's Git configuration.
            var planner = GitOps.planner(dir.resolve("cache"), workDir(), null);
            repository = FleetRepository.create(entry, Files.createDirectories(dir.resolve("repo")));
            plan = planner.plan(FleetRequest.of(repository.toUri().toString(), entry.plannedEntryPath()));
        }
        return plan;
    }

    PlannedUnit kustomization(String id) throws Exception {
        return plan().units().stream()
                .filter(u -> u.loaded().unit().kind() == UnitKind.KUSTOMIZATION)
                .filter(u -> u.loaded().unit().id().toString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the plan has no Kustomization " + id));
    }

    /**
     * The files a unit's source holds: the committed work tree for the entry repository; for an
     * {@code ExternalArtifact}, the folder the planner's {@code ArtifactGenerator} wrote, which
     * {@code GitOps.planner} keeps under {@code <workDir>/fleet/external/<namespace>_<name>}.
     */
    Path sourceRoot(KustomizationFacts k) throws Exception {
        plan();
        if (!k.fromExternalArtifact()) {
            return repository;
        }
        Path artifact = workDir().resolve("fleet/external").resolve(k.sourceNamespace() + "_" + k.sourceName());
        if (!Files.isDirectory(artifact)) {
            throw new AssertionError("the planner wrote no artifact for ExternalArtifact " + k.sourceNamespace() + "/"
                    + k.sourceName() + " at " + artifact);
        }
        return artifact;
    }

    KustomizeRenderer renderer() {
        return new KustomizeRenderer(KustomizeOptions.defaults().withScratchDir(dir.resolve("raw")));
    }

    private Path workDir() {
        return dir.resolve("work");
    }
}
