package io.jenkins.plugins.gitops.core.reconcile;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A fleet in a folder, and an engine over it and a cluster, for tests against the {@link
 * ApiEmulator}: units are Flux Kustomizations in {@code flux-system} under {@code clusters/test},
 * each reading {@code ./apps/<name>}.
 */
final class EmulatedFleet {

    static final String ENTRY = "clusters/test";

    private final Path root;
    private final Map<String, String> units = new LinkedHashMap<>();
    final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    EmulatedFleet(Path root) {
        this.root = root;
    }

    /** Skips the calling test when nothing can render kustomizations. */
    static void assumeKustomize() {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
    }

    /** Creates the {@code flux-system} namespace the units live in. */
    static void prepare(ApiEmulator emulator) {
        emulator.client()
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("flux-system")
                        .endMetadata()
                        .build())
                .create();
    }

    Path root() {
        return root;
    }

    FleetRequest request() {
        return FleetRequest.of(root.toString(), ENTRY);
    }

    /**
     * A unit named {@code name} reading {@code ./apps/name}, replacing one of that name; {@code spec} is extra
     * YAML, indented by two.
     */
    EmulatedFleet unit(String name, String spec) {
        units.put(
                name,
                "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: " + name
                        + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n  path: ./apps/" + name
                        + "\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n" + spec);
        return write(ENTRY + "/units.yaml", String.join("---\n", units.values()));
    }

    /** The objects of unit {@code name}. */
    EmulatedFleet objects(String name, String... yaml) {
        return write("apps/" + name + "/objects.yaml", String.join("---\n", yaml));
    }

    EmulatedFleet write(String file, String content) {
        Path target = root.resolve(file);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ReconcileEngine engine(ClusterClient cluster) {
        return GitOps.engine(
                root.resolveSibling(root.getFileName() + "-cache"),
                root.resolveSibling(root.getFileName() + "-run"),
                null,
                cluster,
                new JsonFileStateStore(root.resolveSibling(root.getFileName() + "-state.json")));
    }

    ReconcileReport apply(ReconcileEngine engine, ReconcileOptions options) {
        return engine.apply(request(), "test", options, events::add);
    }

    static String configMap(String name, String... data) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ")
                .append(name)
                .append("\n  namespace: default\ndata:\n");
        if (data.length == 0) {
            yaml.append("  key: value\n");
        }
        for (int i = 0; i + 1 < data.length; i += 2) {
            yaml.append("  ").append(data[i]).append(": \"").append(data[i + 1]).append("\"\n");
        }
        return yaml.toString();
    }

    static String deployment(String name) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
                + "\n  namespace: default\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: " + name
                + "\n  template:\n    metadata:\n      labels:\n        app: " + name
                + "\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n";
    }
}
