package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.model.ApplyOrder;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlannedUnit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops tree}: units nested under the unit that renders them, like {@code flux tree}. */
@Command(
        name = "tree",
        mixinStandardHelpOptions = true,
        description = "Prints the fleet as a tree: each unit under the unit that renders it, with the objects it"
                + " would apply and the units it depends on.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the fleet has no errors", "1:the fleet has errors (they are printed)", "2:usage error"})
final class TreeCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Option(names = "--units-only", description = "Show units only, not the objects they apply.")
    boolean unitsOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = fleet.plan();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<PlannedUnit>> children = plan.units().stream()
                .filter(u -> u.parent() != null)
                .collect(Collectors.groupingBy(PlannedUnit::parent));
        for (PlannedUnit root : plan.units()) {
            if (root.parent() == null) {
                out.println(label(root));
                printChildren(out, root, children, "");
            }
        }
        if (plan.hasErrors()) {
            out.println();
            plan.errors().forEach(p -> out.println("[" + p.type().jsonName() + "] " + p.message()));
        }
        out.flush();
        return plan.hasErrors() ? GitOpsCommand.PROBLEMS : 0;
    }

    private void printChildren(
            PrintWriter out, PlannedUnit unit, Map<String, List<PlannedUnit>> children, String indent) {
        List<Object> nodes = new ArrayList<>();
        if (!unitsOnly) {
            ApplyOrder.sort(unit.loaded().manifests()).stream()
                    .filter(m -> !isUnit(m))
                    .forEach(nodes::add);
        }
        nodes.addAll(children.getOrDefault(unit.id(), List.of()));
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            Object node = nodes.get(i);
            out.print(indent + (last ? "└── " : "├── "));
            if (node instanceof PlannedUnit child) {
                out.println(label(child));
                printChildren(out, child, children, indent + (last ? "    " : "│   "));
            } else {
                out.println(((Manifest) node).id());
            }
        }
    }

    private static boolean isUnit(Manifest m) {
        return (m.kind().equals("Kustomization") && m.group().equals("kustomize.toolkit.fluxcd.io"))
                || (m.kind().equals("HelmRelease") && m.group().equals("helm.toolkit.fluxcd.io"));
    }

    private static String label(PlannedUnit u) {
        StringBuilder s =
                new StringBuilder(u.loaded().unit().kind().kind()).append('/').append(u.id());
        List<String> deps = u.dependsOn();
        if (!deps.isEmpty()) {
            s.append("  (depends on ").append(String.join(", ", deps)).append(')');
        }
        if (u.error() != null) {
            s.append("  FAILED: ").append(u.error());
        }
        return s.toString();
    }
}
