package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command shares: where the fleet is and how to read it. */
final class FleetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--repo",
            defaultValue = ".",
            description = "The fleet repository: a local folder or a Git URL (default: ${DEFAULT-VALUE}).")
    String repo;

    @Option(
            names = "--ref",
            description = "With a URL: branch:NAME, tag:NAME, semver:RANGE, commit:SHA, refs/..., or a branch"
                    + " name (default: the remote's default branch).")
    String ref;

    @Option(names = "--path", required = true, description = "The entry path in the repository, such as clusters/prod.")
    String path;

    @Option(
            names = "--strict",
            description = "Fail on postBuild variables that are unset and have no default (Flux's strict mode).")
    boolean strict;

    @Option(
            names = "--parallel",
            description = "How many units to render at once (default: the number of processors, at least 2);"
                    + " apply: also how many units of one wave run at once (default: 4).")
    Integer parallel;

    @Option(
            names = "--kustomize",
            description = "The kustomize or kubectl binary to render with (default: kustomize, else kubectl, on"
                    + " the PATH).")
    String kustomize;

    @Option(
            names = "--cache-dir",
            description = "Where Git clones are kept between runs (default: $XDG_CACHE_HOME/gitops-jenkins or"
                    + " ~/.cache/gitops-jenkins).")
    Path cacheDir;

    FleetRequest request() {
        FleetRequest request = FleetRequest.of(repo, path)
                .withRef(GitRef.parse(ref))
                .withStrictSubstitution(strict)
                .withCredentials(GitCredentials.fromEnvironment(System.getenv()));
        return parallel == null ? request : request.withParallelism(parallel);
    }

    /** Loads and plans the fleet in a scratch folder that is removed afterwards. */
    Plan plan() {
        return inScratch(work -> GitOps.planner(cacheDir(), work, kustomize).plan(request()));
    }

    /** Runs {@code body} with a scratch folder that is removed afterwards, after checking the folders given. */
    <T> T inScratch(java.util.function.Function<Path, T> body) {
        checkLocalFolders();
        Path work;
        try {
            work = Files.createTempDirectory("gitops-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
        try {
            return body.apply(work);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * A local {@code --repo} or {@code --path} that does not exist is a mistake on the command line;
     * saying so beats a plan whose only unit failed with a path in a scratch folder.
     */
    private void checkLocalFolders() {
        if (FleetRequest.of(repo, path).isRemote()) {
            return;
        }
        Path root = Path.of(repo).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(
                    mixee.commandLine(),
                    "--repo " + repo + ": no such folder" + (root.toString().equals(repo) ? "" : " (" + root + ")")
                            + "; give a local folder or a Git URL");
        }
        Path entry = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (entry.startsWith(root) && !Files.isDirectory(entry)) {
            throw new CommandLine.ParameterException(
                    mixee.commandLine(), "--path " + path + ": no such folder in " + root);
        }
    }

    Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("gitops-jenkins");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(FleetOptions::deleteFileQuietly);
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in the temporary folder are harmless.
        }
    }

    private static void deleteFileQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // As above: a leftover is harmless, and the rest of the folder should still go.
        }
    }
}
