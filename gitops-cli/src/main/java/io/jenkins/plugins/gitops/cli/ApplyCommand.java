package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileOptions;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.ReportJson;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops apply}: reconcile the fleet in dependency order. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = "Reconciles the fleet against a cluster: units in dependency order, staged server-side apply,"
                + " prune, and health checks. Prints progress as units start, apply, wait and finish.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every selected unit is Ready", "1:a unit failed or was skipped", "2:usage error"})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    FleetOptions fleet;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--dry-run", description = "Ask the server what would change; write nothing, prune nothing.")
    boolean dryRun;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            description =
                    "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). With json, progress goes"
                            + " to standard error.")
    PlanCommand.Format output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress =
                output == PlanCommand.Format.json ? spec.commandLine().getErr() : out;
        ReconcileOptions options = ReconcileOptions.defaults()
                .withDryRun(dryRun)
                .withParallelism(
                        fleet.parallel == null ? ReconcileOptions.defaults().parallelism() : fleet.parallel)
                .withTimeout(cluster.timeout())
                .withFieldManager(cluster.fieldManager)
                .withUnits(new HashSet<>(cluster.units()));
        ReconcileReport report;
        try (Fabric8ClusterClient client = Fabric8ClusterClient.connect(cluster.connection())) {
            report = fleet.inScratch(work -> {
                ReconcileEngine engine = GitOps.engine(
                        fleet.cacheDir(), work, fleet.kustomize, client, new JsonFileStateStore(cluster.state));
                String name = cluster.fleet != null ? cluster.fleet : ReconcileEngine.fleetName(fleet.request());
                return engine.apply(fleet.request(), name, options, event -> {
                    synchronized (progress) {
                        progress.println(ReportText.event(event));
                        progress.flush();
                    }
                });
            });
        }
        if (output == PlanCommand.Format.json) {
            out.println(ReportJson.write(report));
        } else {
            out.print(ReportText.summary(report));
        }
        out.flush();
        return report.ready() ? 0 : GitOpsCommand.PROBLEMS;
    }
}
