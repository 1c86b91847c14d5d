package io.jenkins.plugins.gitops.core.source.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the files of a commit into a directory straight from the object database, with no work
 * tree or index: what source-controller would archive after a checkout. Symbolic links and
 * submodules are left out, as its archiver skips anything that is not a regular file.
 */
final class CommitTreeWriter {

    private static final Set<PosixFilePermission> READ_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> READ_ONLY_EXECUTABLE = Set.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Repository repository;
    private final ObjectId commit;
    private final String specIgnore;

    CommitTreeWriter(Repository repository, ObjectId commit, String specIgnore) {
        this.repository = repository;
        this.commit = commit;
        this.specIgnore = specIgnore;
    }

    void write(Path target) throws IOException {
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk revWalk = new RevWalk(reader)) {
            RevCommit c = revWalk.parseCommit(commit);
            List<Blob> blobs = list(reader, c);
            IgnoreRules rules = IgnoreRules.of(ignoreFiles(reader, blobs), specIgnore);
            for (Blob blob : blobs) {
                if (!rules.isIgnored(blob.path, false)) {
                    writeBlob(reader, blob, target);
                }
            }
        }
    }

    private static List<Blob> list(ObjectReader reader, RevCommit c) throws IOException {
        List<Blob> blobs = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(c.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    blobs.add(new Blob(walk.getPathString(), walk.getObjectId(0), mode == FileMode.EXECUTABLE_FILE));
                }
            }
        }
        return blobs;
    }

    /** The {@code .sourceignore} files, parents before children, as Flux loads them. */
    private static Map<String, String> ignoreFiles(ObjectReader reader, List<Blob> blobs) throws IOException {
        List<Blob> found = new ArrayList<>();
        for (Blob b : blobs) {
            if (b.path.equals(IgnoreRules.IGNORE_FILE) || b.path.endsWith("/" + IgnoreRules.IGNORE_FILE)) {
                found.add(b);
            }
        }
        found.sort(Comparator.comparingLong(
                        (Blob b) -> b.path.chars().filter(ch -> ch == '/').count())
                .thenComparing(b -> b.path));
        Map<String, String> out = new LinkedHashMap<>();
        for (Blob b : found) {
            byte[] bytes = reader.open(b.id, Constants.OBJ_BLOB).getBytes();
            out.put(IgnoreRules.scopeOf(b.path), new String(bytes, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void writeBlob(ObjectReader reader, Blob blob, Path root) throws IOException {
        Path file = root.resolve(blob.path).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("refusing tree entry outside the artifact: " + blob.path);
        }
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            reader.open(blob.id, Constants.OBJ_BLOB).copyTo(out);
        }
        // Artifacts are shared between runs: make accidental writes by a renderer fail loudly.
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(blob.executable ? READ_ONLY_EXECUTABLE : READ_ONLY);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
        }
    }

    private static final class Blob {
        private final String path;
        private final ObjectId id;
        private final boolean executable;

        Blob(String path, ObjectId id, boolean executable) {
            this.path = path;
            this.id = id;
            this.executable = executable;
        }
    }
}
