package io.jenkins.plugins.gitops.core;

import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetLoader;
import io.jenkins.plugins.gitops.core.plan.Planner;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.source.git.JGitSourceFetcher;
import io.jenkins.plugins.gitops.core.state.StateStore;
import java.nio.file.Path;

/**
 * Wires the engine with its default adapters (JGit for sources, an external kustomize for
 * rendering). The command line and the Jenkins agent both start here.
 */
public final class GitOps {

    private GitOps() {}

    /**
     * A planner over the default adapters.
     *
     * @param cacheDir where Git clones are kept between runs
     * @param workDir a folder for this run's artifacts and scratch files; the caller removes it
     * @param kustomizeBinary an explicit kustomize or kubectl binary, or null to look on the PATH
     */
    public static Planner planner(Path cacheDir, Path workDir, String kustomizeBinary) {
        JGitSourceFetcher fetcher = new JGitSourceFetcher(cacheDir, workDir.resolve("sources"));
        KustomizeOptions options = KustomizeOptions.defaults().withScratchDir(workDir.resolve("render"));
        KustomizeRenderer renderer =
                new KustomizeRenderer(kustomizeBinary == null ? options : options.withBinary(Path.of(kustomizeBinary)));
        return new Planner(new FleetLoader(fetcher, renderer, workDir.resolve("fleet")));
    }

    /**
     * The reconciliation engine over the default adapters and the given cluster and state store.
     *
     * @see #planner(Path, Path, String)
     */
    public static ReconcileEngine engine(
            Path cacheDir, Path workDir, String kustomizeBinary, ClusterClient cluster, StateStore store) {
        return new ReconcileEngine(planner(cacheDir, workDir, kustomizeBinary), cluster, store);
    }
}
