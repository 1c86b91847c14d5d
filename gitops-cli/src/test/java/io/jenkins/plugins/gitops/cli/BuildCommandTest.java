package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    private static final String PASSWORD = "hunter2-do-not-print";

    @TempDir
    Path fleet;

    @BeforeEach
    void needsKustomize() {
        Cli.assumeKustomize();
    }

    private Cli.Run build(String unit) {
        return Cli.run("build", "--repo", fleet.toString(), "--path", "clusters/test", unit);
    }

    @Test
    void shouldPrintManifestsInApplyOrder() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app"));
        Cli.write(
                fleet,
                "apps/app/all.yaml",
                Cli.configMap("settings").replace("namespace: default", "namespace: team")
                        + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n"
                        + "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                        + "metadata:\n  name: widgets.example.io\nspec:\n  group: example.io\n  scope: Namespaced\n"
                        + "  names: {kind: Widget, plural: widgets, singular: widget}\n"
                        + "  versions: [{name: v1, served: true, storage: true,"
                        + " schema: {openAPIV3Schema: {type: object}}}]\n");

        Cli.Run run = build("app");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsSubsequence(
                        "kind: CustomResourceDefinition", "---", "kind: Namespace", "---", "kind: ConfigMap");
    }

    @Test
    void shouldMaskSecretValues() {
        String encoded = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app"));
        Cli.write(
                fleet,
                "apps/app/secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: default\ntype: Opaque\n"
                        + "data:\n  password: " + encoded + "\n"
                        + "stringData:\n  token: " + PASSWORD + "\n");

        Cli.Run run = build("flux-system/app");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kind: Secret", "password:", "token:", "*****");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD, encoded);
    }

    @Test
    void shouldFailWithOneForAnUnknownUnitAndListTheUnits() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        Cli.Run run = build("nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("gitops: no unit nope in clusters/test")
                .contains("flux-system/flux-system, flux-system/app");
    }

    @Test
    void shouldFailWithOneForAnAmbiguousName() {
        Cli.write(
                fleet,
                "clusters/test/units.yaml",
                Cli.kustomization("app").replace("namespace: flux-system", "namespace: team-a")
                        + Cli.kustomization("app").replace("namespace: flux-system", "namespace: team-b"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        Cli.Run run = build("app");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ambiguous", "team-a/app", "team-b/app");
    }

    @Test
    void shouldPrintTheExampleUnitInApplyOrder() {
        Cli.Run run = Cli.run(
                "build",
                "--repo",
                Cli.EXAMPLES.resolve("crd-race").toString(),
                "--path",
                "clusters/demo",
                "secrets-stores");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsSubsequence("kind: Namespace", "kind: ClusterSecretStore", "kind: ExternalSecret");
    }
}
