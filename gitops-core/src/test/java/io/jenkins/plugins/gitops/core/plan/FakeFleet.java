package io.jenkins.plugins.gitops.core.plan;

import io.jenkins.plugins.gitops.core.fleet.FleetLoader;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.render.RenderException;
import io.jenkins.plugins.gitops.core.render.RenderResult;
import io.jenkins.plugins.gitops.core.render.Renderer;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import io.jenkins.plugins.gitops.core.source.SourceFetcher;
import io.jenkins.plugins.gitops.core.source.SourceUrls;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet held in memory: each path renders to the YAML given for it, so planning can be tested
 * without Git or kustomize. Paths are keyed by source root and normalized path.
 */
public final class FakeFleet {

    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, String> remoteRevisions = new HashMap<>();
    final List<String> rendered = new ArrayList<>();

    public FakeFleet path(String path, String yaml) {
        paths.put("entry:" + normalize(path), yaml);
        return this;
    }

    public FakeFleet remotePath(String url, String path, String yaml) {
        paths.put(url + ":" + normalize(path), yaml);
        remoteRevisions.put(url, "main@sha1:" + "b".repeat(40));
        return this;
    }

    public FakeFleet failing(String path, String message) {
        failures.put("entry:" + normalize(path), message);
        return this;
    }

    public Planner planner(Path scratch) {
        SourceFetcher fetcher = new SourceFetcher() {
            @Override
            public SourceArtifact fetch(GitSourceSpec spec) {
                String revision = remoteRevisions.get(spec.url());
                if (revision == null) {
                    throw new SourceException(
                            "GitRepository " + spec.id() + ": cannot reach " + SourceUrls.withoutUserInfo(spec.url()));
                }
                return new SourceArtifact(
                        Path.of("/remote/" + spec.url().replaceAll("[^a-z]", "")), spec.url(), revision);
            }

            @Override
            public SourceArtifact local(Path directory, String ignore) {
                return new SourceArtifact(Path.of("/entry"), directory.toString(), "main@sha1:" + "a".repeat(40));
            }
        };
        Renderer renderer = request -> {
            String root = request.artifactRoot().equals(Path.of("/entry"))
                    ? "entry"
                    : remoteRevisions.keySet().stream()
                            .filter(u ->
                                    request.artifactRoot().toString().equals("/remote/" + u.replaceAll("[^a-z]", "")))
                            .findFirst()
                            .orElseThrow();
            String key = root + ":" + normalize(request.path());
            synchronized (rendered) {
                rendered.add(key);
            }
            if (failures.containsKey(key)) {
                throw new RenderException(request.unit() + ": " + failures.get(key));
            }
            String yaml = paths.get(key);
            if (yaml == null) {
                throw new RenderException(request.unit() + ": path " + request.path() + " not found");
            }
            List<Manifest> manifests = Yaml.readManifests(yaml, normalize(request.path()) + "/fleet.yaml");
            return new RenderResult(manifests, false, List.of());
        };
        return new Planner(new FleetLoader(fetcher, renderer, scratch));
    }

    public Plan plan(Path scratch, String entryPath) {
        return planner(scratch).plan(FleetRequest.of("/work/fleet", entryPath));
    }

    static String normalize(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A Flux Kustomization in YAML. */
    public static String ks(String name, String path, String... dependsOn) {
        StringBuilder s = new StringBuilder("---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                + "metadata:\n  name: " + name + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n"
                + "  sourceRef:\n    kind: GitRepository\n    name: flux-system\n  path: " + path + "\n");
        if (dependsOn.length > 0) {
            s.append("  dependsOn:\n");
            for (String d : dependsOn) {
                s.append("    - name: ").append(d).append('\n');
            }
        }
        return s.toString();
    }

    public static String configMap(String name) {
        return "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
                + "\n  namespace: default\ndata:\n  a: b\n";
    }
}
