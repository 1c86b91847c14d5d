package io.jenkins.plugins.gitops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic fleet: {@code layers × perLayer} Kustomizations, each unit depending on every
 * unit of the layer below, each rendering a folder of three plain manifests without a
 * kustomization file (so Flux's generated kustomization is exercised too).
 */
final class GeneratedFleet {

    private GeneratedFleet() {}

    static Path write(Path root, int layers, int perLayer) throws IOException {
        StringBuilder entry = new StringBuilder();
        for (int layer = 0; layer < layers; layer++) {
            for (int i = 0; i < perLayer; i++) {
                String name = unit(layer, i);
                entry.append("---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n")
                        .append("  name: ")
                        .append(name)
                        .append("\n  namespace: flux-system\nspec:\n")
                        .append("  interval: 10m\n  prune: true\n  path: ./units/")
                        .append(name)
                        .append('\n')
                        .append("  sourceRef:\n    kind: GitRepository\n    name: flux-system\n")
                        .append("  postBuild:\n    substitute:\n      unit: ")
                        .append(name)
                        .append('\n');
                if (layer > 0) {
                    entry.append("  dependsOn:\n");
                    for (int j = 0; j < perLayer; j++) {
                        entry.append("    - name: ").append(unit(layer - 1, j)).append('\n');
                    }
                }
                writeUnit(root.resolve("units").resolve(name), name);
            }
        }
        Path clusters = root.resolve("clusters/bench");
        Files.createDirectories(clusters);
        Files.writeString(clusters.resolve("units.yaml"), entry, StandardCharsets.UTF_8);
        return root;
    }

    private static String unit(int layer, int i) {
        return String.format("layer%02d-unit%02d", layer, i);
    }

    private static void writeUnit(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("namespace.yaml"),
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("config.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: " + name
                        + "\ndata:\n  owner: ${unit}\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("deployment.yaml"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: " + name
                        + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n"
                        + "    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n"
                        + "        - name: web\n          image: ghcr.io/example/web:1.0.0\n",
                StandardCharsets.UTF_8);
    }
}
