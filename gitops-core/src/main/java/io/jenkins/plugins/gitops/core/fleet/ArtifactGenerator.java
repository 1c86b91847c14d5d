package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Flux's {@code ArtifactGenerator} (source-watcher): builds an {@code ExternalArtifact} by copying
 * files from aliased sources with glob patterns ({@code from: "@repo/apps/**"}, {@code to:
 * "@artifact/apps/"}). A glob copies every matching file to the destination folder with its path
 * below the glob's fixed prefix; a plain file copies to the destination (into it when it ends with
 * {@code /}); a plain folder copies whole.
 */
final class ArtifactGenerator {

    private final Manifest generator;

    ArtifactGenerator(Manifest generator) {
        this.generator = generator;
    }

    /** Whether this generator declares an artifact of that name. */
    boolean declares(String artifactName) {
        return artifact(artifactName).isPresent();
    }

    private Optional<Map<String, Object>> artifact(String artifactName) {
        for (Object a : Trees.list(generator.body(), "spec", "artifacts")) {
            if (a instanceof Map<?, ?> map && artifactName.equals(String.valueOf(map.get("name")))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return Optional.of(typed);
            }
        }
        return Optional.empty();
    }

    /** The sources this generator reads, by alias, as {@code Kind/namespace/name} references. */
    Map<String, ObjectRef> sources() {
        Map<String, ObjectRef> result = new java.util.LinkedHashMap<>();
        for (Object s : Trees.list(generator.body(), "spec", "sources")) {
            if (s instanceof Map<?, ?> map) {
                String ns = map.get("namespace") == null ? generator.namespace() : String.valueOf(map.get("namespace"));
                result.put(
                        String.valueOf(map.get("alias")),
                        new ObjectRef(String.valueOf(map.get("kind")), ns, String.valueOf(map.get("name"))));
            }
        }
        return result;
    }

    /**
     * Writes the named artifact into {@code target} from the resolved sources.
     *
     * @param resolve gives the artifact of a source reference (may throw {@link SourceException})
     */
    SourceArtifact build(String artifactName, Function<ObjectRef, SourceArtifact> resolve, Path target) {
        Map<String, Object> spec = artifact(artifactName).orElseThrow();
        Map<String, ObjectRef> sources = sources();
        List<String> revisions = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (Object op : Trees.list(spec, "copy")) {
                if (!(op instanceof Map<?, ?> copy)) {
                    continue;
                }
                String from = String.valueOf(copy.get("from"));
                String to = String.valueOf(copy.get("to"));
                int slash = from.indexOf('/');
                String alias = from.substring(1, slash < 0 ? from.length() : slash);
                ObjectRef ref = sources.get(alias);
                if (!from.startsWith("@") || ref == null) {
                    throw new SourceException(describe() + ": copy from '" + from
                            + "' names no source alias of spec.sources — use @<alias>/<path>");
                }
                SourceArtifact source = resolve.apply(ref);
                revisions.add(source.revision());
                copy(source.root(), slash < 0 ? "" : from.substring(slash + 1), target, stripArtifact(to));
            }
        } catch (IOException e) {
            throw new SourceException(
                    describe() + ": cannot build artifact '" + artifactName + "': " + e.getMessage(), e);
        }
        return new SourceArtifact(target, describe() + "/" + artifactName, "latest@sha256:" + digest(revisions));
    }

    private String describe() {
        return "ArtifactGenerator/" + generator.namespace() + "/" + generator.name();
    }

    private static String stripArtifact(String to) {
        String t = to.startsWith("@artifact") ? to.substring("@artifact".length()) : to;
        return t.startsWith("/") ? t.substring(1) : t;
    }

    private static void copy(Path sourceRoot, String pattern, Path target, String to) throws IOException {
        int glob = firstGlobSegment(pattern);
        if (glob < 0) {
            Path from = sourceRoot.resolve(pattern).normalize();
            if (Files.isDirectory(from)) {
                copyTree(from, target.resolve(to));
            } else if (Files.isRegularFile(from)) {
                copyFile(from, fileTarget(from, target.resolve(to), to.isEmpty() || to.endsWith("/")));
            }
            return;
        }
        String[] segments = pattern.split("/");
        Path base = sourceRoot.resolve(String.join("/", java.util.Arrays.copyOfRange(segments, 0, glob)));
        if (!Files.isDirectory(base)) {
            return;
        }
        String relativeGlob = String.join("/", java.util.Arrays.copyOfRange(segments, glob, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativeGlob);
        boolean recursive = relativeGlob.equals("**");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = base.relativize(file);
                if (recursive || matcher.matches(rel)) {
                    copyFile(file, target.resolve(to).resolve(rel.toString()));
                }
            }
        }
    }

    /** Into a folder the file keeps its name; otherwise {@code to} names the copy. */
    private static Path fileTarget(Path from, Path to, boolean intoFolder) {
        Path name = from.getFileName();
        return intoFolder && name != null ? to.resolve(name.toString()) : to;
    }

    private static int firstGlobSegment(String pattern) {
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches(".*[*?\\[{].*")) {
                return i;
            }
        }
        return -1;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyFile(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Path folder = to.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String digest(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
