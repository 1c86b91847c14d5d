package io.jenkins.plugins.gitops.core.render;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the file each rendered object came from, from kustomize's {@code
 * config.kubernetes.io/origin} annotation, so that errors about an object can point at its file.
 * When the renderer asked for the annotations itself, they are removed again: the objects are
 * then exactly what Flux would build.
 */
final class ObjectOrigins {

    static final String ANNOTATION = "config.kubernetes.io/origin";

    private ObjectOrigins() {}

    /**
     * @param path the built folder, relative to the artifact root
     * @param strip whether the annotations were added by the renderer and must go
     */
    static List<Manifest> resolve(List<Manifest> manifests, String path, boolean strip) {
        List<Manifest> result = new ArrayList<>(manifests.size());
        for (Manifest m : manifests) {
            String annotation = m.annotations().get(ANNOTATION);
            if (annotation == null) {
                result.add(m);
                continue;
            }
            String origin = origin(annotation, path, m.origin());
            if (!strip) {
                result.add(m.withOrigin(origin));
                continue;
            }
            Map<String, Object> body = m.mutableCopy();
            Trees.map(body, "metadata", "annotations").ifPresent(annotations -> {
                annotations.remove(ANNOTATION);
                if (annotations.isEmpty()) {
                    Trees.map(body, "metadata").ifPresent(metadata -> metadata.remove("annotations"));
                }
            });
            result.add(new Manifest(body, origin));
        }
        return result;
    }

    private static String origin(String annotation, String path, String fallback) {
        Object parsed;
        try {
            parsed = Yaml.readDocument(annotation, ANNOTATION);
        } catch (RuntimeException e) {
            return fallback;
        }
        if (!(parsed instanceof Map<?, ?> raw)) {
            return fallback;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        String file = Trees.string(map, "path")
                .or(() -> Trees.string(map, "configuredIn"))
                .orElse(null);
        if (file == null) {
            return fallback;
        }
        if (Trees.string(map, "repo").isPresent()) {
            return Trees.string(map, "repo").get() + "//" + file;
        }
        Path resolved = Path.of(path.isEmpty() ? "." : path).resolve(file).normalize();
        String text = resolved.toString().replace('\\', '/');
        return text.isEmpty() ? fallback : text;
    }
}
