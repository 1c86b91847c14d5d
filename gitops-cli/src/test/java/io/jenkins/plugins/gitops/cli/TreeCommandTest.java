package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCommandTest {

    private static final String CRD_RACE = Cli.EXAMPLES.resolve("crd-race").toString();

    @TempDir
    Path fleet;

    @BeforeEach
    void needsKustomize() {
        Cli.assumeKustomize();
    }

    @Test
    void shouldNestUnitsUnderTheirParentWithTheirObjectsInApplyOrder() {
        Cli.Run run = Cli.run("tree", "--repo", CRD_RACE, "--path", "clusters/demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Kustomization/flux-system/flux-system\n")
                .containsSubsequence(
                        "├── Kustomization/flux-system/secrets-crds\n",
                        "│   ├── CustomResourceDefinition/clustersecretstores.secrets.example.io\n",
                        "│   └── CustomResourceDefinition/externalsecrets.secrets.example.io\n",
                        "├── Kustomization/flux-system/secrets-operator  (depends on flux-system/secrets-crds)\n",
                        "│   ├── Namespace/secrets-system\n",
                        "│   └── Deployment/secrets-system/secrets-operator\n",
                        "└── Kustomization/flux-system/secrets-stores  (depends on flux-system/secrets-operator)\n",
                        "    ├── Namespace/demo\n",
                        "    └── ExternalSecret/demo/database\n");
    }

    @Test
    void shouldShowOnlyUnitsWithUnitsOnly() {
        Cli.Run run = Cli.run("tree", "--repo", CRD_RACE, "--path", "clusters/demo", "--units-only");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(String.join(
                        "\n",
                        "Kustomization/flux-system/flux-system",
                        "├── Kustomization/flux-system/secrets-crds",
                        "├── Kustomization/flux-system/secrets-operator  (depends on flux-system/secrets-crds)",
                        "└── Kustomization/flux-system/secrets-stores  (depends on flux-system/secrets-operator)",
                        ""));
    }

    @Test
    void shouldNestAUnitDeclaredByAnotherUnitUnderIt() {
        Cli.write(fleet, "clusters/test/platform.yaml", Cli.kustomization("platform"));
        Cli.write(fleet, "apps/platform/team.yaml", Cli.kustomization("team"));
        Cli.write(fleet, "apps/team/config.yaml", Cli.configMap("team-settings"));

        Cli.Run run = Cli.run("tree", "--repo", fleet.toString(), "--path", "clusters/test");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(String.join(
                        "\n",
                        "Kustomization/flux-system/flux-system",
                        "└── Kustomization/flux-system/platform",
                        "    └── Kustomization/flux-system/team",
                        "        └── ConfigMap/default/team-settings",
                        ""));
    }

    @Test
    void shouldListErrorsAfterTheTreeAndExitWithOne() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app", "ghost"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        Cli.Run run = Cli.run("tree", "--repo", fleet.toString(), "--path", "clusters/test", "--units-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsSubsequence("└── Kustomization/flux-system/app", "[missingDependency]");
    }
}
