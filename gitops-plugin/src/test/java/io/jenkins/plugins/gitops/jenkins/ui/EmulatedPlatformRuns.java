package io.jenkins.plugins.gitops.jenkins.ui;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ProgressListener;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileOptions;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Real reports for the docs' screenshots: the engine applies {@code examples/layered-platform}
 * ({@code clusters/production}) to the {@link ApiEmulator} five times, as five builds of one job
 * would. The example is copied into a Git repository of its own so that the revisions are {@code
 * main@sha1:...} and the same on every run, and its units' timeouts are cut to five seconds so that
 * the failing unit gives up after one attempt instead of retrying for minutes.
 *
 * <ol>
 *   <li>#101 applies everything; all workloads become ready.
 *   <li>#102 checks for drift and finds none.
 *   <li>#103 checks for drift after someone scaled the edge router down by hand.
 *   <li>#104 applies a commit that promotes shop-frontend 2.3.2, and puts the router back.
 *   <li>#105 applies a commit that upgrades the cert operator, whose rollout fails: {@code
 *       cert-operator} fails its health check and everything that depends on it is skipped.
 * </ol>
 */
final class EmulatedPlatformRuns {

    static final Path EXAMPLE = Path.of("../examples/layered-platform");
    static final String PATH = "clusters/production";
    static final long HOUR = 3_600_000L;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The fleet's name, as the engine derives it. */
    final String fleet;

    /** The five builds, oldest first. */
    final List<BuildRecord> history;

    /** The last build's report: the failed run. */
    final ReconcileReport failedRun;

    private EmulatedPlatformRuns(String fleet, List<BuildRecord> history, ReconcileReport failedRun) {
        this.fleet = fleet;
        this.history = history;
        this.failedRun = failedRun;
    }

    static EmulatedPlatformRuns run(Path dir) throws IOException, GitAPIException {
        Path repo = dir.resolve("layered-platform");
        copy(EXAMPLE, repo);
        shortenTimeouts(repo);
        long commitTime = 1_763_449_200_000L; // 2025-11-18 07:00 UTC, fixed so the commits are too
        try (Git git = Git.init()
                        .setDirectory(repo.toFile())
                        .setInitialBranch("main")
                        .call();
                ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            commit(git, "layered-platform: seven layers, production and staging", commitTime);
            emulator.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("flux-system")
                            .endMetadata()
                            .build())
                    .create();
            ReconcileEngine engine = GitOps.engine(
                    dir.resolve("cache"),
                    dir.resolve("work"),
                    null,
                    cluster,
                    new JsonFileStateStore(dir.resolve("state.json")));
            FleetRequest request = FleetRequest.of(repo.toString(), PATH);
            // Named as the plugin names a fleet read from the build's workspace.
            String fleet = new RunSettings(
                            Operation.APPLY,
                            PATH,
                            "",
                            "",
                            "",
                            "",
                            "",
                            List.of(),
                            List.of(),
                            null,
                            false,
                            0,
                            0,
                            "",
                            "",
                            false)
                    .fleetName();
            ReconcileOptions options = ReconcileOptions.defaults().withTimeout(TIMEOUT);

            ReconcileReport first = engine.apply(request, fleet, options, ProgressListener.NONE);
            DriftReport clean = engine.diff(request, options);

            emulator.client()
                    .apps()
                    .deployments()
                    .inNamespace("ingress-system")
                    .withName("edge-router")
                    .edit(d -> {
                        d.getSpec().setReplicas(1);
                        return d;
                    });
            DriftReport drifted = engine.diff(request, options);

            edit(repo.resolve("apps/kustomizations/shop-frontend.yaml"), "newTag: 2.3.1", "newTag: 2.3.2");
            commit(git, "shop-frontend 2.3.2", commitTime + 5 * HOUR);
            ReconcileReport promoted = engine.apply(request, fleet, options, ProgressListener.NONE);

            edit(
                    repo.resolve("platform/operators/certs/deployment.yaml"),
                    "cert-operator:0.9.2",
                    "cert-operator:0.10.0");
            commit(git, "cert-operator 0.10.0", commitTime + 6 * HOUR);
            emulator.failWorkload(
                    "Deployment",
                    "cert-system",
                    "cert-operator",
                    "ReplicaSet \"cert-operator-6b8f9c7d5\" has timed out progressing.");
            ReconcileReport failed = engine.apply(request, fleet, options, ProgressListener.NONE);

            long last = failed.startedAtEpochMs();
            List<BuildRecord> history = new ArrayList<>();
            history.add(BuildRecord.applied(101, last - 4 * HOUR, first));
            history.add(BuildRecord.diffed(102, last - 3 * HOUR, clean));
            history.add(BuildRecord.diffed(103, last - 2 * HOUR, drifted));
            history.add(BuildRecord.applied(104, last - HOUR, promoted));
            history.add(BuildRecord.applied(105, last, failed));
            return new EmulatedPlatformRuns(fleet, List.copyOf(history), failed);
        }
    }

    /**
     * Every Flux spec of the example names its own {@code timeout} (2 to 5 minutes), and with its
     * {@code retryInterval} a failing unit is tried again for that long. Five seconds keep the run
     * short: the failed rollout is reported after one attempt.
     */
    private static void shortenTimeouts(Path repo) throws IOException {
        for (Path folder : List.of(repo.resolve(PATH), repo.resolve("apps/kustomizations"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(
                            file,
                            text.replaceAll("(?m)^  timeout: \\S+$", "  timeout: " + TIMEOUT.toSeconds() + "s"),
                            StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static void commit(Git git, String message, long when) throws GitAPIException {
        PersonIdent who =
                new PersonIdent("Platform Team", "platform@example.io", Instant.ofEpochMilli(when), ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
