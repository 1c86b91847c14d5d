package io.jenkins.plugins.gitops.core.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a folder as it is on disk, uncommitted changes included, with the same ignore rules as a
 * fetched commit. Files are hard-linked where the file system allows it (large working copies cost
 * no space or time), else copied; {@code .git} folders are never entered.
 *
 * <p>A hard link shares the user's file: writing to it would change the working copy, which is one
 * more reason the artifact contract says read-only.
 */
final class WorkingCopyWriter {

    private final Path source;
    private final String specIgnore;

    WorkingCopyWriter(Path source, String specIgnore) {
        this.source = source;
        this.specIgnore = specIgnore;
    }

    void write(Path target) throws IOException {
        List<String> files = list();
        IgnoreRules rules = IgnoreRules.of(ignoreFiles(files), specIgnore);
        for (String path : files) {
            if (!rules.isIgnored(path, false)) {
                link(source.resolve(path), target.resolve(path));
            }
        }
    }

    private List<String> list() throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = dir.getFileName();
                boolean vcs = !dir.equals(source) && name != null && ".git".equals(name.toString());
                return vcs ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Like Flux's archiver: regular files only, symbolic links are not followed.
                if (attrs.isRegularFile()) {
                    files.add(slashed(source.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static String slashed(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private Map<String, String> ignoreFiles(List<String> files) throws IOException {
        List<String> found = new ArrayList<>();
        for (String f : files) {
            if (f.equals(IgnoreRules.IGNORE_FILE) || f.endsWith("/" + IgnoreRules.IGNORE_FILE)) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparingLong(
                        (String f) -> f.chars().filter(ch -> ch == '/').count())
                .thenComparing(Comparator.naturalOrder()));
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : found) {
            out.put(IgnoreRules.scopeOf(f), new String(Files.readAllBytes(source.resolve(f)), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void link(Path from, Path to) throws IOException {
        Path parent = to.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException | SecurityException noLink) {
            // Other device, no hard-link support, or not allowed: a copy is as good, only slower.
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
