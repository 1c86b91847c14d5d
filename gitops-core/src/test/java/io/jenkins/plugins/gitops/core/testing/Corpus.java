package io.jenkins.plugins.gitops.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared public fleet corpus. It is third-party data kept outside the project, so suites
 * that use it skip when it is absent rather than fail.
 */
public final class Corpus {

    /** The assumption message suites show when they skip. */
    public static final String ABSENT =
            "no fleet corpus at ../shared/corpus or -Dgitops.corpus: corpus comparison skipped";

    private Corpus() {}

    /** The corpus folder holding {@code FACTS.json}, if there is one. */
    public static Optional<Path> folder() {
        return candidate().filter(p -> Files.isRegularFile(p.resolve("FACTS.json")));
    }

    private static Optional<Path> candidate() {
        String property = System.getProperty("gitops.corpus");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        // Surefire runs in the module folder; the corpus sits beside the multi-module root.
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(cwd.resolve("../shared/corpus"), cwd.resolve("../../shared/corpus"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        String root = System.getProperty("maven.multiModuleProjectDirectory");
        return root == null
                ? Optional.empty()
                : Optional.of(Path.of(root).resolve("../shared/corpus").normalize());
    }
}
