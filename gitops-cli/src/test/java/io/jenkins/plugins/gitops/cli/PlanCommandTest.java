package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final String CRD_RACE = Cli.EXAMPLES.resolve("crd-race").toString();

    @TempDir
    Path fleet;

    @BeforeEach
    void needsKustomize() {
        Cli.assumeKustomize();
    }

    @Test
    void shouldExitWithZeroForACleanPlan() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("error");
    }

    @Test
    void shouldPrintWavesInOrderWithKindsDependenciesCountsAndRevision() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo");

        Matcher header = Pattern.compile("^Fleet (\\S+) at (\\S+), path clusters/demo$", Pattern.MULTILINE)
                .matcher(run.out());
        assertThat(header.find()).as("header in%n%s", run.out()).isTrue();
        assertThat(header.group(1)).isEqualTo(CRD_RACE);
        String revision = PlanText.shortRevision(header.group(2));
        assertThat(run.out())
                .contains("4 units in 4 waves")
                .containsSubsequence(
                        "Wave 0",
                        "Kustomization flux-system/flux-system  3 objects  " + revision,
                        "Wave 1",
                        "Kustomization flux-system/secrets-crds  2 objects  " + revision,
                        "Wave 2",
                        "Kustomization flux-system/secrets-operator  5 objects  " + revision,
                        "depends on flux-system/secrets-crds",
                        "Wave 3",
                        "Kustomization flux-system/secrets-stores  3 objects  " + revision,
                        "depends on flux-system/secrets-operator");
    }

    @Test
    void shouldExitWithOneAndPrintTheCycle() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("a", "b") + Cli.kustomization("b", "a"));
        Cli.write(fleet, "apps/a/config.yaml", Cli.configMap("a"));
        Cli.write(fleet, "apps/b/config.yaml", Cli.configMap("b"));

        Cli.Run run = Cli.run("plan", "--repo", fleet.toString(), "--path", "clusters/test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsSubsequence(
                        "Not ordered (dependency cycle)", "flux-system/a", "flux-system/b", "1 error", "[cycle]");
    }

    @Test
    void shouldExitWithOneAndNameTheMissingDependency() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app", "ghost"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        Cli.Run run = Cli.run("plan", "--repo", fleet.toString(), "--path", "clusters/test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[missingDependency]", "ghost");
    }

    @Test
    void shouldSayLocalForAFolderOutsideGit() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        Cli.Run run = Cli.run("plan", "--repo", fleet.toString(), "--path", "clusters/test");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(" at local, path clusters/test", "2 units in 2 waves", "flux-system/app  1 object  local");
    }

    @Test
    void shouldPutTheRacyUnitsInOneWave() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/racy", "-o", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(PlanJsonOutputTest.waves(run.out()))
                .containsExactly(
                        List.of("flux-system/flux-system"),
                        List.of(
                                "flux-system/secrets-crds",
                                "flux-system/secrets-operator",
                                "flux-system/secrets-stores"));
    }

    @Test
    void shouldOrderTheChainedUnitsInThreeWaves() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "-o", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(PlanJsonOutputTest.waves(run.out()))
                .containsExactly(
                        List.of("flux-system/flux-system"),
                        List.of("flux-system/secrets-crds"),
                        List.of("flux-system/secrets-operator"),
                        List.of("flux-system/secrets-stores"));
    }
}
