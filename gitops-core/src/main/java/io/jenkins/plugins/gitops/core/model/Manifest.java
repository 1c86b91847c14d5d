package io.jenkins.plugins.gitops.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object as a tree of maps, lists and scalars, with where it came from.
 *
 * <p>The body is copied deeply on the way in and handed out read-only, so a manifest can be shared
 * between threads and passes. {@code origin} names the file (and line, when known) that produced
 * it, for error messages.
 */
public final class Manifest {

    private final Map<String, Object> body;
    private final String origin;

    public Manifest(Map<String, Object> body, String origin) {
        this.body = Trees.freeze(Objects.requireNonNull(body, "body"));
        this.origin = origin == null ? "" : origin;
    }

    /** A read-only view of the object. Use {@link #mutableCopy()} to change it. */
    public Map<String, Object> body() {
        return body;
    }

    /** A deep, mutable copy of the object. */
    public Map<String, Object> mutableCopy() {
        return Trees.mutableCopy(body);
    }

    public String origin() {
        return origin;
    }

    public Manifest withOrigin(String newOrigin) {
        return new Manifest(body, newOrigin);
    }

    public String apiVersion() {
        return Trees.string(body, "apiVersion").orElse("");
    }

    public String kind() {
        return Trees.string(body, "kind").orElse("");
    }

    public String namespace() {
        return Trees.string(body, "metadata", "namespace").orElse("");
    }

    public String name() {
        return Trees.string(body, "metadata", "name").orElse("");
    }

    public String group() {
        return ResourceId.groupOf(apiVersion());
    }

    public ResourceId id() {
        return new ResourceId(group(), kind(), namespace(), name());
    }

    public Map<String, String> labels() {
        return stringMap("labels");
    }

    public Map<String, String> annotations() {
        return stringMap("annotations");
    }

    /** The value at a path of map keys, if every step exists. */
    public Optional<Object> get(String... path) {
        return Trees.get(body, path);
    }

    private Map<String, String> stringMap(String field) {
        Optional<Object> value = Trees.get(body, "metadata", field);
        if (value.isEmpty() || !(value.get() instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return Collections.unmodifiableMap(result);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest other && body.equals(other.body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return id() + (origin.isEmpty() ? "" : " (" + origin + ")");
    }

    /** Convenience for lists of manifests. */
    public static List<ResourceId> ids(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::id).toList();
    }
}
