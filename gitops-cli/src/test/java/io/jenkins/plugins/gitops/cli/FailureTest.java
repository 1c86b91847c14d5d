package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailureTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UncheckedIOException("cannot read the fleet", new IOException("Permission denied"));
        }
    }

    @Test
    void shouldTurnAnEscapingExceptionIntoOneLineAndExitCodeOne() {
        CommandLine cli = GitOpsCommand.commandLine().addSubcommand(new Boom());

        Cli.Run run = Cli.run(cli, "boom");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("gitops: cannot read the fleet: Permission denied" + System.lineSeparator());
    }

    @Test
    void shouldDescribeAFailureWithTheCausesThatAddSomething() {
        Exception e = new UncheckedIOException(
                "cannot create a temporary folder", new IOException("/nonexistent/gitops-1: No such file"));

        assertThat(GitOpsCommand.describe(e))
                .isEqualTo("cannot create a temporary folder: /nonexistent/gitops-1: No such file");
    }

    @Test
    void shouldNotRepeatACauseAlreadyInTheMessage() {
        IOException cause = new IOException("disk full");
        Exception e = new IllegalStateException("write failed: disk full", cause);

        assertThat(GitOpsCommand.describe(e)).isEqualTo("write failed: disk full");
    }

    @Test
    void shouldNameTheExceptionWhenItHasNoMessage() {
        assertThat(GitOpsCommand.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
