package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileOptions;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gitops diff}: what an apply would change, by server-side dry run. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compares the fleet with the cluster by server-side dry run and prints a unified diff per object"
                + " that would change. Secret values are masked.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:something drifted, or a unit could not be compared", "2:usage error"})
final class DiffCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReconcileOptions options = ReconcileOptions.defaults()
                .withFieldManager(cluster.fieldManager)
                .withUnits(new HashSet<>(cluster.units()));
        DriftReport drift;
        try (Fabric8ClusterClient client = Fabric8ClusterClient.connect(cluster.connection())) {
            drift = fleet.inScratch(work -> GitOps.engine(
                            fleet.cacheDir(), work, fleet.kustomize, client, new JsonFileStateStore(cluster.state))
                    .diff(fleet.request(), options));
        }
        PrintWriter out = spec.commandLine().getOut();
        int drifted = 0;
        for (DriftReport.UnitDrift unit : drift.units()) {
            if (unit.error() != null) {
                out.println("# " + unit.id() + ": cannot compare: " + unit.error());
                continue;
            }
            for (Diff d : unit.diffs()) {
                if (d.drifted()) {
                    drifted++;
                    out.println("# " + unit.id() + ": " + d.object() + " would be " + d.action());
                    out.print(d.text().endsWith("\n") ? d.text() : d.text() + "\n");
                }
            }
        }
        out.println(drifted == 0 && !drift.drifted() ? "No drift" : drifted + " objects drifted");
        out.flush();
        return drift.drifted() ? GitOpsCommand.PROBLEMS : 0;
    }
}
