package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.model.ApplyOrder;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.SecretMask;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gitops build}: one unit's final manifests, like {@code flux build kustomization}. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Prints one unit's final manifests (rendered, overlays and postBuild substitution applied) as"
                + " multi-document YAML in apply order. Secret values are masked.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the unit is unknown or cannot be rendered", "2:usage error"})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Parameters(
            paramLabel = "UNIT",
            description = "The unit: namespace/name, or a name when it is unique in the fleet.")
    String unit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = fleet.plan();
        PrintWriter err = spec.commandLine().getErr();
        List<PlannedUnit> matches = plan.units().stream()
                .filter(u ->
                        u.id().equals(unit) || u.loaded().unit().id().name().equals(unit))
                .toList();
        if (matches.size() != 1) {
            err.println(
                    matches.isEmpty()
                            ? "gitops: no unit " + unit + " in " + fleet.path + "; units: "
                                    + String.join(
                                            ", ",
                                            plan.units().stream()
                                                    .map(PlannedUnit::id)
                                                    .toList())
                            : "gitops: unit name " + unit + " is ambiguous; use namespace/name: "
                                    + String.join(
                                            ", ",
                                            matches.stream()
                                                    .map(PlannedUnit::id)
                                                    .toList()));
            err.flush();
            return GitOpsCommand.PROBLEMS;
        }
        PlannedUnit found = matches.get(0);
        if (found.loaded().error() != null) {
            err.println("gitops: " + found.loaded().error());
            err.flush();
            return GitOpsCommand.PROBLEMS;
        }
        if (!found.loaded().rendered()) {
            err.println("gitops: " + found.loaded().unit().describe() + ": "
                    + String.join("; ", found.loaded().notes()));
            err.flush();
            return GitOpsCommand.PROBLEMS;
        }
        List<Manifest> manifests = ApplyOrder.sort(found.loaded().manifests()).stream()
                .map(SecretMask::mask)
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(Yaml.writeAll(manifests));
        out.flush();
        return 0;
    }
}
