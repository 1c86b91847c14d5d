package io.jenkins.plugins.gitops.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gitops} command: plan, tree and build over the engine, without Jenkins. */
@Command(
        name = "gitops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads a Git repository laid out for Flux v2, orders its units by dependsOn, shows"
                + " what would be reconciled, and reconciles it against a cluster.",
        subcommands = {
            PlanCommand.class,
            TreeCommand.class,
            BuildCommand.class,
            ApplyCommand.class,
            DiffCommand.class,
            WaitCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the fleet has errors, or a unit failed, drifted or is not healthy (see each command's help)",
            "2:usage error"
        })
public final class GitOpsCommand implements Runnable {

    /** Exit code when the plan or the command found problems in the fleet. */
    static final int PROBLEMS = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: plan, tree, build, apply, diff or wait");
    }

    /** Exit code for a command line that cannot be run as given. */
    static final int USAGE = 2;

    /** Builds the command line; tests call this with their own streams. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GitOpsCommand());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : PROBLEMS);
        cli.setParameterExceptionHandler(GitOpsCommand::usageError);
        cli.setExecutionExceptionHandler(GitOpsCommand::failure);
        return cli;
    }

    /** The problem and where to read more, rather than the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("gitops: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** One line instead of a stack trace: the engine's messages already name subject, cause and hint. */
    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        err.println("gitops: " + describe(e));
        err.flush();
        return PROBLEMS;
    }

    /** The message and the causes' messages that add something, such as the I/O error behind it. */
    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            String more = cause.getMessage();
            if (more != null && message.indexOf(more) < 0) {
                message.append(": ").append(more);
            }
        }
        return message.toString();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
