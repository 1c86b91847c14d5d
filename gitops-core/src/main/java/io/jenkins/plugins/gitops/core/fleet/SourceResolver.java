package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import io.jenkins.plugins.gitops.core.source.SourceFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a unit's {@code sourceRef} into files on disk, once per source per load. The entry
 * repository is the implicit {@code GitRepository flux-system/flux-system}; other sources are
 * known once a rendered unit has declared them.
 */
final class SourceResolver {

    static final ObjectRef ENTRY = new ObjectRef("GitRepository", "flux-system", "flux-system");

    private final SourceFetcher fetcher;
    private final SourceArtifact entry;
    private final GitCredentials credentials;
    private final Path scratch;
    private final Map<String, Manifest> declared = new ConcurrentHashMap<>();
    private final Map<String, Outcome> resolved = new ConcurrentHashMap<>();

    private record Outcome(SourceArtifact artifact, SourceException error) {}

    SourceResolver(SourceFetcher fetcher, SourceArtifact entry, GitCredentials credentials, Path scratch) {
        this.fetcher = fetcher;
        this.entry = entry;
        this.credentials = credentials;
        this.scratch = scratch;
    }

    /** Records a source object; returns the one already declared under the same id, if any. */
    Optional<Manifest> declare(Manifest source) {
        if (source.kind().equals(ENTRY.kind())
                && source.namespace().equals(ENTRY.namespace())
                && source.name().equals(ENTRY.name())) {
            return Optional.empty(); // the bootstrap GitRepository is the entry repository itself
        }
        return Optional.ofNullable(declared.putIfAbsent(key(source.kind(), source.namespace(), source.name()), source));
    }

    /** Whether the reference can be resolved now (its source object has been seen). */
    boolean knows(ObjectRef ref) {
        if (isEntry(ref)) {
            return true;
        }
        if ("ExternalArtifact".equals(ref.kind())) {
            return generatorFor(ref).isPresent();
        }
        return declared.containsKey(key(ref.kind(), ref.namespace(), ref.name()));
    }

    /**
     * The files of a source.
     *
     * @throws SourceException when it cannot be fetched, or its kind is not supported
     */
    SourceArtifact resolve(ObjectRef ref) {
        if (isEntry(ref)) {
            return entry;
        }
        Outcome outcome = resolved.computeIfAbsent(ref.toString(), k -> {
            try {
                return new Outcome(fetch(ref), null);
            } catch (SourceException e) {
                return new Outcome(null, e);
            }
        });
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.artifact();
    }

    private SourceArtifact fetch(ObjectRef ref) {
        switch (ref.kind()) {
            case "GitRepository":
                return fetchGit(declared.get(key(ref.kind(), ref.namespace(), ref.name())));
            case "ExternalArtifact":
                ArtifactGenerator generator = generatorFor(ref)
                        .orElseThrow(() -> new SourceException(ref + ": no ArtifactGenerator declares it"));
                Path target = scratch.resolve("external").resolve(ref.namespace() + "_" + ref.name());
                return generator.build(ref.name(), this::resolve, target);
            default:
                throw new SourceException(ref + ": " + ref.kind()
                        + " sources are not supported yet; only GitRepository and ExternalArtifact"
                        + " (from an ArtifactGenerator) can be read");
        }
    }

    private SourceArtifact fetchGit(Manifest repo) {
        String id = repo.namespace() + "/" + repo.name();
        String url = Trees.string(repo.body(), "spec", "url").orElse("");
        if (url.isEmpty()) {
            throw new SourceException("GitRepository " + id + " (" + repo.origin() + ") has no spec.url");
        }
        Map<String, Object> ref = Trees.map(repo.body(), "spec", "ref").orElse(Map.of());
        // A GitRepository without spec.ref follows master, as Flux's API defaults it.
        GitRef gitRef = ref.isEmpty()
                ? GitRef.ofBranch("master")
                : new GitRef(
                        Trees.string(ref, "branch").orElse(null),
                        Trees.string(ref, "tag").orElse(null),
                        Trees.string(ref, "semver").orElse(null),
                        Trees.string(ref, "commit").orElse(null),
                        Trees.string(ref, "name").orElse(null));
        String ignore = Trees.string(repo.body(), "spec", "ignore").orElse(null);
        return fetcher.fetch(new GitSourceSpec(id, url, gitRef, ignore, credentialsFor(url)));
    }

    /** The credentials given for the entry repository also serve its host's other repositories. */
    private GitCredentials credentialsFor(String url) {
        if (credentials == null) {
            return null;
        }
        String host = host(url);
        return host != null && host.equals(host(entry.url())) ? credentials : null;
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Optional<ArtifactGenerator> generatorFor(ObjectRef ref) {
        return declared.values().stream()
                .filter(FluxApi::isArtifactGenerator)
                .filter(m -> m.namespace().equals(ref.namespace()))
                .sorted(java.util.Comparator.comparing(Manifest::name))
                .map(ArtifactGenerator::new)
                .filter(g -> g.declares(ref.name()))
                .findFirst();
    }

    private static boolean isEntry(ObjectRef ref) {
        return ENTRY.equals(ref);
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
