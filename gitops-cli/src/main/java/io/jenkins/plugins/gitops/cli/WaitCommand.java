package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.health.HealthReport;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops wait}: until units or objects are healthy. */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = "Waits until objects are healthy (kstatus): the given --objects, or the objects the given --units"
                + " applied last (from the state file), or every unit's.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all Current", "1:something Failed or the timeout passed", "2:usage error"})
final class WaitCommand implements Callable<Integer> {

    /** apiVersions of the kinds people name most, so {@code Deployment/apps/web} is enough. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("Pod", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("Namespace", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("CustomResourceDefinition", "apiextensions.k8s.io/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"));

    @Mixin
    ClusterOptions cluster;

    /** Not the shared fleet options: wait reads no fleet, and needs none at all with --objects. */
    @Option(
            names = "--repo",
            defaultValue = ".",
            description = "With --path and without --fleet: the fleet whose units to wait for, named in the state file"
                    + " as apply names it (default: ${DEFAULT-VALUE}).")
    String repo;

    @Option(names = "--path", description = "The fleet's entry path, as given to apply; not needed with --objects.")
    String path;

    @Option(
            names = "--objects",
            split = ",",
            description =
                    "Objects as Kind/namespace/name or Kind/name (common kinds), or group/version/Kind/namespace/name.")
    List<String> objects;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ResourceRef> refs = new ArrayList<>();
        for (String o : objects == null ? List.<String>of() : objects) {
            refs.add(parse(o));
        }
        String name = cluster.fleet;
        if (name == null && path != null) {
            name = ReconcileEngine.fleetName(FleetRequest.of(repo, path));
        }
        if (refs.isEmpty() && name == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "name what to wait for: --objects, or the fleet with --path or --fleet");
        }
        HealthReport report;
        try (Fabric8ClusterClient client = Fabric8ClusterClient.connect(cluster.connection())) {
            // Waiting plans nothing: the engine needs no planner for it.
            report = new ReconcileEngine(null, client, new JsonFileStateStore(cluster.state))
                    .waitFor(name, cluster.units(), refs, cluster.timeout());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ObjectHealth h : report.objects()) {
            out.println("  " + h);
        }
        out.println(report.summary());
        out.flush();
        return report.isCurrent() ? 0 : GitOpsCommand.PROBLEMS;
    }

    private ResourceRef parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length == 5) {
            return new ResourceRef(parts[0] + "/" + parts[1], parts[2], parts[3], parts[4]);
        }
        if (parts.length == 4 && parts[0].equals("v1")) {
            return new ResourceRef("v1", parts[1], parts[2], parts[3]);
        }
        String apiVersion = KNOWN.get(parts[0]);
        if (apiVersion == null || parts.length < 2 || parts.length > 3) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--objects " + text
                            + ": write Kind/namespace/name for "
                            + String.join(", ", KNOWN.keySet().stream().sorted().toList())
                            + ", or group/version/Kind/namespace/name for other kinds");
        }
        return parts.length == 3
                ? new ResourceRef(apiVersion, parts[0], parts[1], parts[2])
                : new ResourceRef(apiVersion, parts[0], "", parts[1]);
    }
}
