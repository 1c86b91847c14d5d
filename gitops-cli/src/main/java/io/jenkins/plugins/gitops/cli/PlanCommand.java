package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlanJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops plan}: the waves of units, offline. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Reads the fleet, renders every unit and prints the waves in which they would be reconciled."
                + " Writes nothing to any cluster.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the plan has no errors", "1:the plan has errors (they are printed)", "2:usage error"})
final class PlanCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Mixin
    FleetOptions fleet;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = fleet.plan();
        PrintWriter out = spec.commandLine().getOut();
        if (output == Format.json) {
            out.println(PlanJson.write(plan));
        } else {
            out.print(PlanText.write(plan));
        }
        out.flush();
        return plan.hasErrors() ? GitOpsCommand.PROBLEMS : 0;
    }
}
