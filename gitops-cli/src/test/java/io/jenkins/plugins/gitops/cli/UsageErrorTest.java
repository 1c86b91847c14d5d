package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageErrorTest {

    private static final String CRD_RACE = Cli.EXAMPLES.resolve("crd-race").toString();

    @TempDir
    Path folder;

    @Test
    void shouldExitWithTwoWhenPathIsMissing() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--path=<path>'", "gitops plan --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldExitWithTwoOnAnUnknownOption() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void shouldSuggestTheOptionMeantByATypo() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "--outptu", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output");
    }

    @Test
    void shouldExitWithTwoOnAnUnknownOutputFormat() {
        Cli.Run run = Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "-o", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'--output'", "text, json", "'yaml'");
    }

    @Test
    void shouldExitWithTwoWithoutSubcommand() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand");
    }

    @Test
    void shouldPrintOneClearLineWhenTheRepoFolderDoesNotExist() {
        Path missing = folder.resolve("no-such-fleet");

        Cli.Run run = Cli.run("plan", "--repo", missing.toString(), "--path", "clusters/demo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gitops: --repo " + missing + ": no such folder");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldPrintOneClearLineWhenTheEntryPathDoesNotExist() {
        Cli.Run run = Cli.run("tree", "--repo", CRD_RACE, "--path", "clusters/nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gitops: --path clusters/nope: no such folder in " + CRD_RACE);
    }

    @Test
    void shouldExitWithTwoWhenBuildHasNoUnit() {
        Cli.Run run = Cli.run("build", "--repo", CRD_RACE, "--path", "clusters/demo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'UNIT'");
    }
}
