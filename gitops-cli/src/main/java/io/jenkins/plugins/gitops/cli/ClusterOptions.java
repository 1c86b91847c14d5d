package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.reconcile.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of commands that talk to a cluster. */
final class ClusterOptions {

    @Option(
            names = "--kubeconfig",
            description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else the in-cluster"
                    + " service account).")
    Path kubeconfig;

    @Option(names = "--context", description = "The kubeconfig context (default: the current context).")
    String context;

    @Option(
            names = "--state",
            defaultValue = ".gitops/state.json",
            description = "The state file with each unit's inventory and last revisions, for pruning"
                    + " (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(
            names = "--fleet",
            description = "The fleet's name in the state file (default: derived from --repo and --path).")
    String fleet;

    @Option(
            names = "--timeout",
            defaultValue = "5m",
            description = "How long a unit may take where its spec.timeout says nothing, as 30s, 5m or 1h"
                    + " (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--units", split = ",", description = "Only these units (namespace/name), comma-separated.")
    List<String> units;

    @Option(
            names = "--field-manager",
            defaultValue = "gitops-jenkins",
            description = "The server-side apply field manager (default: ${DEFAULT-VALUE}).")
    String fieldManager;

    ClusterConnection connection() {
        ClusterConnection connection = kubeconfig != null
                ? ClusterConnection.kubeconfig(kubeconfig, context)
                : ClusterConnection.fromEnvironment(System.getenv());
        return context != null && kubeconfig == null ? connection.withContext(context) : connection;
    }

    Duration timeout() {
        return GoDuration.parse(timeout);
    }

    List<String> units() {
        return units == null
                ? List.of()
                : units.stream()
                        .flatMap(u -> Arrays.stream(u.split(",")))
                        .map(String::strip)
                        .toList();
    }
}
