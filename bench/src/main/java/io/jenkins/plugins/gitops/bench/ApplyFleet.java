package io.jenkins.plugins.gitops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic fleet to apply: {@code units} Kustomizations in layers of {@code perLayer}, each
 * unit depending on every unit of the layer below, each owning one namespace of {@code perUnit}
 * objects (the Namespace, ConfigMaps, Services and Deployments, in a folder without a
 * kustomization file). Every other unit sets {@code wait: true}.
 */
final class ApplyFleet {

    final Path root;
    static final String PATH = "clusters/bench";
    /** Every object of the fleet as one YAML document each, namespaces first, in unit order. */
    final List<String> documents = new ArrayList<>();

    private ApplyFleet(Path root) {
        this.root = root;
    }

    static ApplyFleet write(Path root, int units, int perLayer, int perUnit) throws IOException {
        ApplyFleet fleet = new ApplyFleet(root);
        StringBuilder entry = new StringBuilder();
        for (int u = 0; u < units; u++) {
            String name = unit(u);
            entry.append("---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n")
                    .append("  name: ")
                    .append(name)
                    .append("\n  namespace: flux-system\nspec:\n")
                    .append("  interval: 10m\n  prune: true\n  wait: ")
                    .append(u % 2 == 0)
                    .append("\n  path: ./units/")
                    .append(name)
                    .append("\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n");
            int layer = u / perLayer;
            if (layer > 0) {
                entry.append("  dependsOn:\n");
                for (int j = (layer - 1) * perLayer; j < layer * perLayer; j++) {
                    entry.append("    - name: ").append(unit(j)).append('\n');
                }
            }
            fleet.writeUnit(root.resolve("units").resolve(name), name, perUnit);
        }
        Path clusters = root.resolve(PATH);
        Files.createDirectories(clusters);
        Files.writeString(clusters.resolve("units.yaml"), entry, StandardCharsets.UTF_8);
        return fleet;
    }

    int objects() {
        return documents.size();
    }

    private static String unit(int u) {
        return String.format("bench-unit-%02d", u);
    }

    private void writeUnit(Path dir, String namespace, int perUnit) throws IOException {
        List<String> docs = new ArrayList<>();
        docs.add("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n");
        int rest = perUnit - 1;
        int deployments = rest * 3 / 10;
        int services = rest * 3 / 10;
        int configMaps = rest - deployments - services;
        for (int i = 0; i < configMaps; i++) {
            docs.add("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-" + i + "\n  namespace: " + namespace
                    + "\n  labels:\n    app.kubernetes.io/part-of: bench\ndata:\n  unit: " + namespace
                    + "\n  index: \"" + i + "\"\n  settings.properties: |\n    log.level=info\n    cache.size=128\n");
        }
        for (int i = 0; i < services; i++) {
            docs.add("apiVersion: v1\nkind: Service\nmetadata:\n  name: web-" + i + "\n  namespace: " + namespace
                    + "\nspec:\n  type: ClusterIP\n  selector:\n    app: web-" + i + "\n  ports:\n"
                    + "    - name: http\n      port: 80\n      targetPort: 8080\n");
        }
        for (int i = 0; i < deployments; i++) {
            docs.add("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-" + i + "\n  namespace: "
                    + namespace + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web-" + i
                    + "\n  template:\n    metadata:\n      labels:\n        app: web-" + i + "\n    spec:\n"
                    + "      containers:\n        - name: web\n          image: ghcr.io/example/web:1.0.0\n"
                    + "          ports:\n            - name: http\n              containerPort: 8080\n");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("objects.yaml"), "---\n" + String.join("---\n", docs), StandardCharsets.UTF_8);
        documents.addAll(docs);
    }
}
