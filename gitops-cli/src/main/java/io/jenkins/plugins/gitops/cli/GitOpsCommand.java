package io.jenkins.plugins.gitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gitops} command: plan, tree and build over the engine, without Jenkins. */
@Command(
        name = "gitops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads a Git repository laid out for Flux v2, orders its units by dependsOn and shows"
                + " what would be reconciled.",
        subcommands = {PlanCommand.class, TreeCommand.class, BuildCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the plan has errors", "2:usage error"})
public final class GitOpsCommand implements Runnable {

    /** Exit code when the plan or the command found problems in the fleet. */
    static final int PROBLEMS = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: plan, tree or build");
    }

    /** Builds the command line; tests call this with their own streams. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GitOpsCommand());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : PROBLEMS);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
