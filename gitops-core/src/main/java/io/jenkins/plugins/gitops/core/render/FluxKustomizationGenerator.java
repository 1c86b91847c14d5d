package io.jenkins.plugins.gitops.core.render;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.yaml.ManifestException;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prepares a folder's kustomization file as Flux's generator does (fluxcd/pkg {@code
 * kustomize/kustomize_generator.go}, {@code GenerateManifest}): finds the existing file or
 * generates one from the folder's YAML files, then writes the Kustomization's spec overlays into
 * it. It edits files in place, so it must only ever see a {@link WorkingTree}.
 */
final class FluxKustomizationGenerator {

    static final String ORIGIN_ANNOTATIONS = "originAnnotations";

    /** kustomize's {@code konfig.RecognizedKustomizationFileNames()}, in its order of preference. */
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";

    /** What Flux writes for a folder with nothing to build, so that kustomize has a valid file. */
    static final String PLACEHOLDER_NAMESPACE = "_placeholder";

    private final Path root;

    /** @param root the working tree's root: the limit for components and the base of file names in messages */
    FluxKustomizationGenerator(Path root) {
        this.root = root;
    }

    /** Whether a kustomization file was generated, and the resources written into it. */
    record Result(boolean generated, List<String> resources, boolean originsAdded) {
        Result {
            resources = List.copyOf(resources);
        }
    }

    /**
     * Makes {@code dir} buildable the way Flux builds it.
     *
     * @throws RenderException with a message naming the file at fault (without the unit)
     */
    Result write(Path dir, KustomizeOverlays overlays) {
        return write(dir, overlays, false);
    }

    /**
     * As {@link #write(Path, KustomizeOverlays)}; with {@code trackOrigins}, also asks kustomize for
     * origin annotations (in the private copy only) so that every object can name its file.
     */
    Result write(Path dir, KustomizeOverlays overlays, boolean trackOrigins) {
        try {
            Optional<Path> existing = existingFile(dir);
            Result result;
            Path file;
            Map<String, Object> original;
            if (existing.isPresent()) {
                file = existing.get();
                original = read(file);
                result = new Result(false, List.of(), false);
            } else {
                file = dir.resolve(FILE_NAMES.get(0));
                List<String> resources = scan(dir);
                original = generated(resources);
                result = new Result(true, resources, false);
            }
            Map<String, Object> amended = amend(Trees.mutableCopy(original), result.generated(), dir, overlays);
            if (trackOrigins && !Trees.list(amended, "buildMetadata").contains(ORIGIN_ANNOTATIONS)) {
                listAt(amended, "buildMetadata").add(ORIGIN_ANNOTATIONS);
                result = new Result(result.generated(), result.resources(), true);
            }
            // Flux rewrites the file every time; rewriting only on a change keeps the author's own text
            // (and its scalar typing) whenever the overlays add nothing.
            if (result.generated() || !amended.equals(original)) {
                // Flux decodes the file into kustomize's type, whose TypeMeta it presets.
                amended.putIfAbsent("apiVersion", API_VERSION);
                amended.putIfAbsent("kind", "Kustomization");
                WorkingTree.replace(file, Yaml.write(amended));
            }
            return result;
        } catch (IOException e) {
            throw new RenderException("cannot prepare the kustomization in " + display(dir) + ": " + e.getMessage(), e);
        }
    }

    static Optional<Path> existingFile(Path dir) {
        return FILE_NAMES.stream()
                .map(dir::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private Map<String, Object> read(Path file) throws IOException {
        String name = display(file);
        Object doc;
        try {
            doc = Yaml.readDocument(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (ManifestException e) {
            throw new RenderException("invalid kustomization file " + e.getMessage(), e);
        }
        if (doc == null) {
            return new LinkedHashMap<>();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new RenderException("invalid kustomization file " + name + ": not a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) map;
        return Trees.mutableCopy(tree);
    }

    // ---- generation (scanManifests) ----

    private List<String> scan(Path base) throws IOException {
        List<String> resources = new ArrayList<>();
        scanFolder(base, base, resources);
        return resources;
    }

    /** Go's {@code filepath.Walk}: one lexical order for files and folders together, links not followed. */
    private void scanFolder(Path base, Path folder, List<String> resources) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted((a, b) -> name(a).compareTo(name(b))).toList();
        }
        for (Path child : children) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (existingFile(child).isPresent()) {
                    // kustomize builds that folder from its own file; its YAML is not ours to list.
                    resources.add(resource(base, child));
                } else {
                    scanFolder(base, child, resources);
                }
            } else if (name(child).endsWith(".yaml") || name(child).endsWith(".yml")) {
                checkDecodes(child);
                resources.add(resource(base, child));
            }
        }
    }

    /**
     * Flux refuses a folder with a file kustomize cannot read as objects, before building; kustomize
     * wants {@code kind} and {@code metadata.name} in every document.
     */
    private void checkDecodes(Path file) {
        String name = display(file);
        try {
            for (Manifest manifest : Yaml.readManifests(file, name)) {
                if (manifest.name().isEmpty()) {
                    throw new RenderException("failed to decode Kubernetes YAML from " + name + ": " + manifest.kind()
                            + " has no metadata.name");
                }
            }
        } catch (ManifestException e) {
            throw new RenderException("failed to decode Kubernetes YAML from " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> generated(List<String> resources) {
        Map<String, Object> kus = new LinkedHashMap<>();
        kus.put("apiVersion", API_VERSION);
        kus.put("kind", "Kustomization");
        if (resources.isEmpty()) {
            kus.put("namespace", PLACEHOLDER_NAMESPACE);
        } else {
            kus.put("resources", new ArrayList<Object>(resources));
        }
        return kus;
    }

    // ---- overlays (GenerateManifest after findOrGenerateKustomization) ----

    private Map<String, Object> amend(
            Map<String, Object> kus, boolean generated, Path dir, KustomizeOverlays overlays) {
        if (!generated && Trees.list(kus, "resources").isEmpty()) {
            kus.put("buildMetadata", new ArrayList<Object>(List.of(ORIGIN_ANNOTATIONS)));
        }
        putIfSet(kus, "namespace", overlays.targetNamespace());
        putIfSet(kus, "namePrefix", overlays.namePrefix());
        putIfSet(kus, "nameSuffix", overlays.nameSuffix());
        for (Map<String, Object> patch : overlays.patches()) {
            listAt(kus, "patches").add(patch(patch.get("patch"), patch.get("target")));
        }
        for (String component : overlays.components()) {
            if (!isLocalRelativePath(component)) {
                throw new RenderException("component path '" + component + "' must be local and relative");
            }
            if (overlays.ignoreMissingComponents() && !existsInside(dir.resolve(component))) {
                continue;
            }
            listAt(kus, "components").add(component);
        }
        for (Map<String, Object> patch : overlays.patchesStrategicMerge()) {
            listAt(kus, "patchesStrategicMerge").add(Yaml.write(patch));
        }
        for (Map<String, Object> patch : overlays.patchesJson6902()) {
            // kustomize takes a JSON 6902 patch as JSON or YAML text; Flux hands it JSON.
            Object operations = patch.get("patch") == null ? List.of() : patch.get("patch");
            listAt(kus, "patchesJson6902").add(patch(Yaml.write(operations), patch.get("target")));
        }
        for (Map<String, Object> image : overlays.images()) {
            mergeImage(listAt(kus, "images"), image);
        }
        if (!overlays.buildMetadata().isEmpty()) {
            kus.put("buildMetadata", new ArrayList<Object>(overlays.buildMetadata()));
        }
        return kus;
    }

    private static void putIfSet(Map<String, Object> kus, String key, String value) {
        if (value != null && !value.isEmpty()) {
            kus.put(key, value);
        }
    }

    private static Map<String, Object> patch(Object patch, Object target) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("patch", patch == null ? "" : String.valueOf(patch));
        if (target instanceof Map<?, ?> selector) {
            entry.put("target", selector(selector));
        }
        return entry;
    }

    /** Flux's {@code adaptSelector}: the selector fields kustomize knows, empty ones left out. */
    private static Map<String, Object> selector(Map<?, ?> target) {
        Map<String, Object> selector = new LinkedHashMap<>();
        for (String key :
                List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector")) {
            Object value = target.get(key);
            if (value != null && !String.valueOf(value).isEmpty()) {
                selector.put(key, String.valueOf(value));
            }
        }
        return selector;
    }

    /**
     * Flux's image merge: an image of the same name is updated (a new name only when given; tag and
     * digest together when either is given), others are appended.
     */
    @SuppressWarnings("unchecked")
    private static void mergeImage(List<Object> images, Map<String, Object> image) {
        String name = text(image.get("name"));
        for (Object existing : images) {
            if (existing instanceof Map<?, ?> map && name.equals(text(map.get("name")))) {
                Map<String, Object> entry = (Map<String, Object>) map;
                String newName = text(image.get("newName"));
                if (!newName.isEmpty()) {
                    entry.put("newName", newName);
                }
                String newTag = text(image.get("newTag"));
                String digest = text(image.get("digest"));
                if (!newTag.isEmpty() || !digest.isEmpty()) {
                    setOrRemove(entry, "newTag", newTag);
                    setOrRemove(entry, "digest", digest);
                }
                return;
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        for (String key : List.of("newName", "newTag", "digest")) {
            setOrRemove(entry, key, text(image.get(key)));
        }
        images.add(entry);
    }

    private static void setOrRemove(Map<String, Object> map, String key, String value) {
        if (value.isEmpty()) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Map<String, Object> kus, String key) {
        Object value = kus.get(key);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        List<Object> list = new ArrayList<>();
        kus.put(key, list);
        return list;
    }

    /** Flux's {@code IsLocalRelativePath}: no remote URL forms, no absolute paths. */
    static boolean isLocalRelativePath(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        for (String remote :
                List.of("git::", "gh:", "ssh://", "https://", "http://", "git@", "github.com:", "github.com/")) {
            if (remote.length() < path.length() && lower.startsWith(remote)) {
                return false;
            }
        }
        String withoutScheme = lower.startsWith("file://") ? path.substring("file://".length()) : path;
        return !Path.of(path).isAbsolute()
                && !Path.of(withoutScheme).isAbsolute()
                && !path.startsWith("/")
                && !withoutScheme.startsWith("/");
    }

    /** Flux checks existence on a file system confined to the source root: nothing outside exists. */
    private boolean existsInside(Path path) {
        Path normal = path.normalize();
        return normal.startsWith(root) && Files.exists(normal);
    }

    private static String resource(Path base, Path path) {
        return "./" + slashes(base.relativize(path));
    }

    private String display(Path path) {
        String relative = slashes(root.relativize(path));
        return relative.isEmpty() ? "." : relative;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String name(Path path) {
        return String.valueOf(path.getFileName());
    }
}
