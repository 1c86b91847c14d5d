package io.jenkins.plugins.gitops.core.source.git;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Artifact directories under the work folder. A directory appears under its final name only when it
 * is complete (written under a temporary name, then renamed), so a reader never sees half an
 * artifact and a crash leaves at most a temporary folder behind.
 */
final class ArtifactStore {

    private final Path root;

    ArtifactStore(Path root) {
        this.root = root;
    }

    /** What fills a fresh, empty directory. */
    interface Writer {
        void write(Path directory) throws IOException;
    }

    /** The directory for {@code key}: the existing one, or a new one filled by {@code writer}. */
    Path publish(String key, Writer writer) throws IOException {
        Path target = root.resolve(key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = fill(writer);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
            // Another thread or process published the same content first; theirs is as good as ours.
            deleteTree(temp);
            if (!Files.isDirectory(target)) {
                throw raced;
            }
        }
        return target;
    }

    /** A new directory with a unique name, filled by {@code writer}. */
    Path create(String prefix, Writer writer) throws IOException {
        Path temp = fill(writer);
        Path target = root.resolve(prefix + UUID.randomUUID());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private Path fill(Writer writer) throws IOException {
        Files.createDirectories(root);
        Path temp = Files.createTempDirectory(root, ".tmp-");
        try {
            writer.write(temp);
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
        return temp;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
