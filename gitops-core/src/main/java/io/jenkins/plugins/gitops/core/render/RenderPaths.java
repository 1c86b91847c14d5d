package io.jenkins.plugins.gitops.core.render;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A Kustomization's {@code spec.path} made safe to resolve inside the artifact. */
final class RenderPaths {

    private RenderPaths() {}

    /** The path relative to the root, normalized, "" for the root itself. */
    static String relative(RenderRequest request, Path root) {
        String raw = request.path() == null ? "" : request.path().strip();
        String given = raw.isEmpty() ? "./" : raw;
        // Flux joins spec.path under the artifact root, so a leading slash still means the root.
        String trimmed = raw.replace('\\', '/').replaceFirst("^/+", "");
        Path relative;
        try {
            relative = Path.of(trimmed.isEmpty() ? "." : trimmed).normalize();
        } catch (InvalidPathException e) {
            throw new RenderException(
                    "cannot render " + given + " (" + request.unit() + "): invalid path: " + e.getMessage()
                            + " — spec.path must be a folder of the source",
                    e);
        }
        String text = relative.toString().replace('\\', '/');
        if (text.equals("..") || text.startsWith("../")) {
            throw new RenderException("cannot render " + given + " (" + request.unit()
                    + "): the path leaves the source root — spec.path must name a folder inside the source");
        }
        Path dir = root.resolve(text);
        if (!Files.isDirectory(dir)) {
            throw new RenderException("cannot render " + given + " (" + request.unit() + "): "
                    + (Files.exists(dir) ? "the path is a file, not a folder" : "kustomization path not found")
                    + " — spec.path is relative to the root of the source " + root);
        }
        return text;
    }

    static String display(String relative) {
        return relative.isEmpty() ? "./" : relative;
    }
}
