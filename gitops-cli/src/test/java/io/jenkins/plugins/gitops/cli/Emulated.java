package io.jenkins.plugins.gitops.cli;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines against an {@link ApiEmulator}: its kubeconfig and a state file in the test's folder. */
final class Emulated {

    private Emulated() {}

    /** {@code args} followed by {@code --kubeconfig} and {@code --state} for the emulator. */
    static String[] args(ApiEmulator emulator, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        try {
            all.add("--kubeconfig");
            all.add(emulator.writeKubeconfig(dir.resolve("kube")).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.add("--state");
        all.add(dir.resolve("state.json").toString());
        return all.toArray(String[]::new);
    }

    static Cli.Run run(ApiEmulator emulator, Path dir, String... args) {
        return Cli.run(args(emulator, dir, args));
    }

    static void createNamespace(ApiEmulator emulator, String name) {
        emulator.client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }

    /** A Kustomization {@code flux-system/name} reading {@code ./apps/name}, with extra spec YAML indented by two. */
    static String unit(String name, String spec) {
        return "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: " + name
                + "\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n  path: ./apps/" + name
                + "\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n" + spec + "---\n";
    }

    static String deployment(String name) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
                + "\n  namespace: default\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: " + name
                + "\n  template:\n    metadata:\n      labels:\n        app: " + name
                + "\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n";
    }
}
