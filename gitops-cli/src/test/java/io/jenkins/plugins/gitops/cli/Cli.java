package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.render.KustomizeBinary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import picocli.CommandLine;

/** Runs {@code gitops} in this JVM with captured streams, and writes small fleets to disk. */
final class Cli {

    /** The examples folder, seen from the module folder in which Maven runs the tests. */
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        return run(GitOpsCommand.commandLine(), args);
    }

    static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Skips the calling test when nothing can render kustomizations, as on a bare build machine. */
    static void assumeKustomize() {
        Assumptions.assumeTrue(
                KustomizeBinary.findOnPath(System.getenv("PATH"), Duration.ofMinutes(1))
                        .isPresent(),
                "no kustomize or kubectl on PATH: install kubectl ≥1.27 to run the CLI tests that render");
    }

    static void write(Path root, String file, String content) {
        Path target = root.resolve(file);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Flux Kustomization in {@code flux-system} reading {@code ./apps/<name>} of the fleet itself. */
    static String kustomization(String name, String... dependsOn) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: kustomize.toolkit.fluxcd.io/v1\n")
                .append("kind: Kustomization\n")
                .append("metadata:\n  name: ")
                .append(name)
                .append("\n  namespace: flux-system\n")
                .append("spec:\n  interval: 10m\n  prune: true\n  path: ./apps/")
                .append(name)
                .append("\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n");
        if (dependsOn.length > 0) {
            yaml.append("  dependsOn:\n");
            for (String d : dependsOn) {
                yaml.append("    - name: ").append(d).append('\n');
            }
        }
        return yaml.append("---\n").toString();
    }

    static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
                + "\n  namespace: default\ndata:\n  key: value\n";
    }
}
