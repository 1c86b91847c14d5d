package io.jenkins.plugins.gitops.core.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A Git repository, built at test time in a temp folder, holding a corpus entry laid out as its
 * Kustomizations expect. The corpus files are copied only there, never into the project.
 */
final class FleetRepository {

    private FleetRepository() {}

    /** Commits the entry's folder at its placement on branch {@code main}; returns the work tree. */
    static Path create(CorpusEntry entry, Path dir) throws IOException, GitAPIException {
        Path target = entry.placement().isEmpty() ? dir : dir.resolve(entry.placement());
        copyTree(entry.folder(), target);
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent(
                    "corpus", "corpus@example.org", Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
            git.commit()
                    .setMessage(entry.displayName())
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        }
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path dest = to.resolve(from.relativize(file).toString());
            Files.createDirectories(dest.getParent());
            // Content only: the corpus files are read-only, and the temp folder must be removable.
            Files.write(dest, Files.readAllBytes(file));
        }
    }
}
