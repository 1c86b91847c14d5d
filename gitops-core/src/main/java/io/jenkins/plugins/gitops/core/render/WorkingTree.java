package io.jenkins.plugins.gitops.core.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private view of a source artifact in a scratch folder, so that Flux's in-place edits of the
 * built folder's kustomization file never reach the source. Only the built folder's subtree is
 * mirrored file by file, with hard links where the file system allows (copies otherwise); every
 * other entry on the way to it is a symbolic link to the artifact, so a render costs a handful of
 * links however large the repository is. kustomize resolves {@code ../} references lexically, so
 * resources reached through those links read exactly the artifact's files. A hard-linked file
 * shares its content with the original: it must be replaced, never written to ({@link #replace}).
 */
final class WorkingTree implements AutoCloseable {

    private final Path root;
    private boolean linksWork = true;

    private WorkingTree(Path root) {
        this.root = root;
    }

    /** Mirrors the whole of {@code source} into a new folder under {@code scratch}. */
    static WorkingTree of(Path source, Path scratch) throws IOException {
        return of(source, scratch, "");
    }

    /**
     * A view of {@code source} under {@code scratch} in which {@code path} (relative, normalized,
     * empty for the root) is a private mirror and everything else links to the source.
     */
    static WorkingTree of(Path source, Path scratch, String path) throws IOException {
        Files.createDirectories(scratch);
        WorkingTree tree = new WorkingTree(Files.createTempDirectory(scratch, "gitops-render-"));
        try {
            Path from = source.toRealPath();
            Path to = tree.root;
            for (String segment : path.isEmpty() ? new String[0] : path.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                tree.linkSiblings(from, to, segment);
                from = from.resolve(segment);
                to = to.resolve(segment);
                Files.createDirectories(to);
            }
            tree.mirror(from, to);
        } catch (IOException | RuntimeException e) {
            tree.close();
            throw e;
        }
        return tree;
    }

    /** Links every entry of {@code from} into {@code to}, except the one the path goes on through. */
    private void linkSiblings(Path from, Path to, String except) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = String.valueOf(entry.getFileName());
                if (!name.equals(except) && !name.equals(".git")) {
                    Files.createSymbolicLink(to.resolve(name), entry);
                }
            }
        }
    }

    Path root() {
        return root;
    }

    /**
     * Writes a file by replacing it: deleting a hard link first leaves the original's content alone,
     * where writing through it would change the source artifact.
     */
    static void replace(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    private void mirror(Path source, Path destination) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // Git metadata is no part of an artifact (source-controller leaves it out) and can be large.
                if (!dir.equals(source) && ".git".equals(String.valueOf(dir.getFileName()))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target(source, destination, dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = target(source, destination, file);
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    linkOrCopy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path target(Path source, Path destination, Path path) {
        return destination.resolve(source.relativize(path).toString());
    }

    private void linkOrCopy(Path file, Path target) throws IOException {
        if (linksWork) {
            try {
                Files.createLink(target, file);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // Another volume or a file system without hard links: copy this and every later file.
                linksWork = false;
            }
        }
        Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // Deleting a hard link only drops this name; the source keeps its file.
            paths.sorted(Comparator.reverseOrder()).forEach(WorkingTree::delete);
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover scratch folder must not hide the render's own result or error.
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
