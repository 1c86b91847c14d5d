package io.jenkins.plugins.gitops.core.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external {@code kustomize} or {@code kubectl} executable that builds a kustomization folder
 * with the load restrictor off, as Flux's kustomize-controller builds ({@code
 * krusty.Options{LoadRestrictions: LoadRestrictionsNone}} in fluxcd/pkg {@code
 * kustomize/kustomize_generator.go}).
 */
public final class KustomizeBinary {

    /** Which command line the executable understands. */
    public enum Flavour {
        /** {@code kustomize build --load-restrictor=LoadRestrictionsNone DIR} */
        KUSTOMIZE,
        /** {@code kubectl kustomize --load-restrictor=LoadRestrictionsNone DIR} */
        KUBECTL
    }

    private static final String LOAD_RESTRICTOR = "--load-restrictor=LoadRestrictionsNone";

    private final Path executable;
    private final Flavour flavour;
    private final Duration timeout;

    public KustomizeBinary(Path executable, Flavour flavour, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** An explicit executable; a file name starting with {@code kubectl} selects that flavour. */
    public static KustomizeBinary of(Path executable, Duration timeout) {
        return new KustomizeBinary(executable, flavourOf(executable), timeout);
    }

    /**
     * The first {@code kustomize} on the search path, else the first {@code kubectl}: a standalone
     * kustomize is preferred because it is usually newer than the one built into kubectl.
     *
     * @param searchPath a {@code PATH}-style list of folders; null or empty finds nothing
     */
    public static Optional<KustomizeBinary> findOnPath(String searchPath, Duration timeout) {
        return findExecutable("kustomize", searchPath)
                .map(p -> new KustomizeBinary(p, Flavour.KUSTOMIZE, timeout))
                .or(() -> findExecutable("kubectl", searchPath)
                        .map(p -> new KustomizeBinary(p, Flavour.KUBECTL, timeout)));
    }

    public Path executable() {
        return executable;
    }

    public Flavour flavour() {
        return flavour;
    }

    /** The command line that builds {@code dir}. */
    public List<String> command(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add(flavour == Flavour.KUBECTL ? "kustomize" : "build");
        command.add(LOAD_RESTRICTOR);
        command.add(dir.toString());
        return command;
    }

    /**
     * Builds a folder and returns kustomize's YAML output.
     *
     * @param subject the folder and unit for messages ({@code clusters/prod (Kustomization/a/b)})
     * @throws RenderException when the process cannot start, fails, times out or is interrupted
     */
    public String build(Path dir, String subject) {
        Path stdout = null;
        Path stderr = null;
        try {
            // Files rather than pipes: no reader threads, and a chatty process cannot block on a full pipe.
            stdout = Files.createTempFile("kustomize-", ".out");
            stderr = Files.createTempFile("kustomize-", ".err");
            int exit = run(dir, stdout.toFile(), stderr.toFile(), subject);
            if (exit != 0) {
                String error = KustomizeErrors.firstMeaningfulLine(Files.readString(stderr, StandardCharsets.UTF_8));
                throw new RenderException("cannot render " + subject + ": kustomize build failed: " + error);
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RenderException(
                    "cannot render " + subject + ": cannot run " + executable + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private int run(Path dir, File stdout, File stderr, String subject) throws IOException {
        Process process = new ProcessBuilder(command(dir))
                .redirectOutput(stdout)
                .redirectError(stderr)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RenderException("cannot render " + subject + ": kustomize build timed out after " + timeout
                        + " — simplify the kustomization or raise the render timeout");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            // Keep the flag so that an aborted Jenkins build stops the rest of the work too.
            Thread.currentThread().interrupt();
            throw new RenderException("cannot render " + subject + ": interrupted while kustomize was running", e);
        }
    }

    private static File nullFile() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless; the build result matters more.
        }
    }

    private static Flavour flavourOf(Path executable) {
        Path name = executable.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).startsWith("kubectl")
                ? Flavour.KUBECTL
                : Flavour.KUSTOMIZE;
    }

    private static Optional<Path> findExecutable(String name, String searchPath) {
        if (searchPath == null || searchPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = isWindows() ? List.of(name + ".exe", name) : List.of(name);
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            for (String candidate : names) {
                Path file = Path.of(folder, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Override
    public String toString() {
        return String.join(" ", command(Path.of("DIR")));
    }
}
