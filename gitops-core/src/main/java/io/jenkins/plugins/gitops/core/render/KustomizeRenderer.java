package io.jenkins.plugins.gitops.core.render;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.ManifestException;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a Kustomization the way Flux's kustomize-controller does: in a private copy of the
 * artifact, with Flux's generated or amended kustomization file, built by an external kustomize
 * with the load restrictor off, and {@code commonMetadata} set on every object afterwards (as the
 * controller does before applying). Safe for concurrent use: each render has its own copy.
 */
public final class KustomizeRenderer implements Renderer {

    private static final String INSTALL_HINT = "install kubectl ≥1.27 or kustomize 5, or set the kustomize binary path";

    private final KustomizeOptions options;
    private final Optional<KustomizeBinary> binary;

    /** Searches the process's {@code PATH}; see {@link KustomizeOptions#defaults()}. */
    public KustomizeRenderer() {
        this(KustomizeOptions.defaults());
    }

    public KustomizeRenderer(KustomizeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.binary = options.binary() != null
                ? Optional.of(KustomizeBinary.of(options.binary(), options.timeout()))
                        .filter(b -> Files.isExecutable(b.executable()))
                : KustomizeBinary.findOnPath(options.searchPath(), options.timeout());
    }

    /** The executable this renderer runs, if one was found. */
    public Optional<KustomizeBinary> binary() {
        return binary;
    }

    @Override
    public RenderResult render(RenderRequest request) {
        Path source = request.artifactRoot();
        String path = RenderPaths.relative(request, source);
        String subject = RenderPaths.display(path) + " (" + request.unit() + ")";
        KustomizeBinary kustomize = binary.orElseThrow(() -> missingBinary(subject));
        try (WorkingTree tree = WorkingTree.of(source, options.scratchDir(), path)) {
            Path dir = tree.root().resolve(path);
            FluxKustomizationGenerator.Result kustomization;
            try {
                kustomization = new FluxKustomizationGenerator(tree.root()).write(dir, request.overlays(), true);
            } catch (RenderException e) {
                throw new RenderException("cannot render " + subject + ": " + e.getMessage(), e);
            }
            List<Manifest> manifests = ObjectOrigins.resolve(
                    parse(build(kustomize, dir, subject, List.of(tree.root(), source)), subject, path),
                    path,
                    kustomization.originsAdded());
            return new RenderResult(
                    withCommonMetadata(manifests, request.overlays()),
                    kustomization.generated(),
                    kustomization.resources());
        } catch (IOException e) {
            throw new RenderException(
                    "cannot render " + subject + ": cannot make a working copy in " + options.scratchDir() + ": "
                            + e.getMessage() + " — check the scratch folder is writable",
                    e);
        }
    }

    /**
     * kustomize names files by their absolute path in the working tree (a scratch folder that is
     * gone once the render ends) or in the artifact; the message names them relative to the
     * repository instead.
     */
    private static String build(KustomizeBinary kustomize, Path dir, String subject, List<Path> roots) {
        try {
            return kustomize.build(dir, subject);
        } catch (RenderException e) {
            // Files outside the built folder are reached through links to the artifact itself.
            String message = e.getMessage();
            for (Path root : roots) {
                message = withoutPrefix(message, root);
            }
            if (message.equals(e.getMessage())) {
                throw e;
            }
            throw new RenderException(message, e.getCause());
        }
    }

    private static String withoutPrefix(String message, Path root) {
        String result = message;
        List<String> prefixes = new ArrayList<>(List.of(root.toString()));
        try {
            prefixes.add(root.toRealPath().toString());
        } catch (IOException e) {
            // The absolute form alone will do.
        }
        // The longer form first: one may end with the other (/private/tmp/x and /tmp/x on macOS).
        prefixes.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String prefix : prefixes) {
            result = result.replace(prefix + java.io.File.separator, "").replace(prefix, ".");
        }
        return result;
    }

    private RenderException missingBinary(String subject) {
        if (options.binary() != null) {
            return new RenderException("cannot render " + subject + ": the kustomize binary " + options.binary()
                    + " does not exist or is not executable — " + INSTALL_HINT);
        }
        return new RenderException(
                "cannot render " + subject + ": no kustomize or kubectl binary on PATH — " + INSTALL_HINT);
    }

    /** Flux's controller refuses objects without apiVersion, kind and name after the build. */
    private static List<Manifest> parse(String output, String subject, String path) {
        List<Manifest> manifests;
        try {
            manifests = Yaml.readManifests(output, "kustomize build of " + RenderPaths.display(path));
        } catch (ManifestException e) {
            throw new RenderException(
                    "cannot render " + subject + ": kustomize output does not decode: " + e.getMessage(), e);
        }
        for (Manifest manifest : manifests) {
            if (manifest.name().isEmpty()) {
                throw new RenderException("cannot render " + subject
                        + ": failed to decode Kubernetes apiVersion, kind and name from a " + manifest.kind());
            }
        }
        return manifests;
    }

    /** Flux's {@code SetCommonMetadata}: the spec's labels and annotations win over the object's. */
    static List<Manifest> withCommonMetadata(List<Manifest> manifests, KustomizeOverlays overlays) {
        if (overlays.commonLabels().isEmpty() && overlays.commonAnnotations().isEmpty()) {
            return manifests;
        }
        List<Manifest> result = new ArrayList<>(manifests.size());
        for (Manifest manifest : manifests) {
            Map<String, Object> body = manifest.mutableCopy();
            Map<String, Object> metadata = childMap(body, "metadata");
            if (!overlays.commonLabels().isEmpty()) {
                childMap(metadata, "labels").putAll(overlays.commonLabels());
            }
            if (!overlays.commonAnnotations().isEmpty()) {
                childMap(metadata, "annotations").putAll(overlays.commonAnnotations());
            }
            result.add(new Manifest(body, manifest.origin()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> child = new LinkedHashMap<>();
        parent.put(key, child);
        return child;
    }
}
