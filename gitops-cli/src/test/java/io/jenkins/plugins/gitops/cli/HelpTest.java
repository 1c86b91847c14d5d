package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    // wait renders nothing: it takes --repo and --path only to name the fleet (see WaitCommandTest)
    @ValueSource(strings = {"plan", "tree", "build", "apply", "diff"})
    void shouldListTheSharedOptionsInEveryCommandsHelp(String command) {
        Cli.Run run = Cli.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Usage: gitops " + command)
                .contains(
                        "--repo=<repo>",
                        "--ref=<ref>",
                        "--path=<path>",
                        "--strict",
                        "--parallel=<parallel>",
                        "--kustomize=<kustomize>",
                        "--cache-dir=<cacheDir>",
                        "Exit codes:");
    }

    @Test
    void shouldListOutputFormatsInPlanHelp() {
        assertThat(Cli.run("plan", "--help").out()).contains("-o, --output=<output>", "text, json");
    }

    @Test
    void shouldListUnitsOnlyInTreeHelp() {
        assertThat(Cli.run("tree", "--help").out()).contains("--units-only");
    }

    @Test
    void shouldNameTheUnitParameterInBuildHelp() {
        assertThat(Cli.run("build", "--help").out()).contains("UNIT", "namespace/name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "diff", "wait"})
    void shouldListTheClusterOptionsInTheHelpOfCommandsThatTalkToACluster(String command) {
        Cli.Run run = Cli.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Usage: gitops " + command)
                .contains(
                        "--repo=<repo>",
                        "--path=<path>",
                        "--kubeconfig=<kubeconfig>",
                        "--context=<context>",
                        "--state=<state>",
                        "--fleet=<fleet>",
                        "--timeout=<timeout>",
                        "--units=<units>",
                        "--field-manager=<fieldManager>",
                        "Exit codes:");
    }

    @Test
    void shouldListWhatOnlyApplyDiffAndWaitTake() {
        assertThat(Cli.run("apply", "--help").out())
                .contains("--dry-run", "--parallel=<parallel>", "-o, --output=<output>");
        assertThat(Cli.run("diff", "--help").out()).contains("--kustomize=<kustomize>", "masked");
        assertThat(Cli.run("wait", "--help").out())
                .contains("--objects=<objects>")
                .doesNotContain("--kustomize", "--strict");
    }

    @Test
    void shouldListCommandsInTopLevelHelp() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("plan", "tree", "build", "apply", "diff", "wait", "Exit codes:");
    }

    @Test
    void shouldShowCommandHelpThroughTheHelpCommand() {
        Cli.Run run = Cli.run("help", "build");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gitops build");
    }
}
