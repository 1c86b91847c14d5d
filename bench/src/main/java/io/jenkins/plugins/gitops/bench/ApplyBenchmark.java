package io.jenkins.plugins.gitops.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileOptions;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies a generated fleet through the reconciliation engine against the API emulator, in this
 * process, once cold and once more unchanged, and prints each run beside a reference measured in the
 * same process: one plain server-side apply request per object through the fabric8 client, one
 * after the other, into a fresh emulator — the floor for getting the objects into the API server.
 * Ratios, not absolute figures, are what compare across machines.
 *
 * <p>Usage: {@code java -cp bench/target/gitops-bench.jar io.jenkins.plugins.gitops.bench.ApplyBenchmark
 * [units] [objectsPerUnit]} or {@code java -jar bench/target/gitops-bench.jar apply [units]
 * [objectsPerUnit]}. Needs {@code kubectl} or {@code kustomize} on the {@code PATH} to render the
 * units.
 */
public final class ApplyBenchmark {

    private static final String FIELD_MANAGER = "gitops-bench";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ApplyBenchmark() {}

    /** One measured run. */
    record Run(String label, int objects, long nanos, int requests, int writes, long heapBytes) {

        double objectsPerSecond() {
            return objects / (nanos / 1e9);
        }

        double requestsPerObject() {
            return (double) requests / objects;
        }
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perUnit = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        if (new KustomizeRenderer(KustomizeOptions.defaults()).binary().isEmpty()) {
            System.err.println("gitops apply benchmark: needs kubectl or kustomize on the PATH to render the units");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("gitops-apply-bench-");
        try {
            System.out.printf(
                    "gitops apply benchmark: %d units x %d objects against the in-process API emulator, %d processors,"
                            + " Java %s, max heap %d MB%n",
                    units,
                    perUnit,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    Runtime.getRuntime().maxMemory() >> 20);
            ApplyFleet warmUp = ApplyFleet.write(work.resolve("warm-up"), 4, 2, perUnit);
            reference(warmUp);
            engine(warmUp, work.resolve("warm-up-run"));

            ApplyFleet fleet = ApplyFleet.write(work.resolve("fleet"), units, 5, perUnit);
            List<Run> ref = reference(fleet);
            long planNanos = planOnly(fleet, work.resolve("plan-run"));
            List<Run> engine = engine(fleet, work.resolve("engine-run"));

            System.out.println();
            System.out.printf(
                    "%-34s %7s %8s %10s %8s %7s %9s %9s %9s %9s%n",
                    "run",
                    "objects",
                    "ms",
                    "objects/s",
                    "req/obj",
                    "writes",
                    "heap MB",
                    "time/ref",
                    "req/ref",
                    "heap/ref");
            for (int i = 0; i < ref.size(); i++) {
                print(ref.get(i), ref.get(i));
            }
            for (int i = 0; i < engine.size(); i++) {
                print(engine.get(i), ref.get(i));
            }
            System.out.printf(
                    "%nplan alone (fetch, render %d units with kustomize, dependency graph): %.0f ms,"
                            + " included in the engine runs%n",
                    units, planNanos / 1e6);
            System.out.println("reference: one server-side apply request per object through the fabric8 client,"
                    + " sequential, into a fresh emulator;");
            System.out.println("heap MB: heap used after a full GC, after the run minus before it (what the run"
                    + " left behind, emulator store and request log included).");
        } finally {
            delete(work);
        }
    }

    private static void print(Run run, Run ref) {
        System.out.printf(
                "%-34s %7d %8.0f %10.0f %8.2f %7d %9.1f %9.2f %9.2f %9s%n",
                run.label(),
                run.objects(),
                run.nanos() / 1e6,
                run.objectsPerSecond(),
                run.requestsPerObject(),
                run.writes(),
                run.heapBytes() / 1048576.0,
                (double) run.nanos() / ref.nanos(),
                run.requestsPerObject() / ref.requestsPerObject(),
                ref.heapBytes() <= 0 ? "-" : String.format("%.2f", (double) run.heapBytes() / ref.heapBytes()));
    }

    /** The floor: each object applied by itself through the fabric8 client, cold and then unchanged. */
    private static List<Run> reference(ApplyFleet fleet) {
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            KubernetesClient client = emulator.client();
            List<GenericKubernetesResource> objects = fleet.documents.stream()
                    .map(d -> Serialization.unmarshal(d, GenericKubernetesResource.class))
                    .collect(Collectors.toList());
            Run cold = measure("reference: plain SSA, cold", objects.size(), emulator, () -> {
                for (GenericKubernetesResource o : objects) {
                    client.resource(o)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply();
                }
            });
            Run again = measure("reference: plain SSA, unchanged", objects.size(), emulator, () -> {
                for (GenericKubernetesResource o : objects) {
                    client.resource(o)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply();
                }
            });
            return List.of(cold, again);
        }
    }

    /** The engine: the whole fleet planned, applied in waves, waited for; cold and then unchanged. */
    private static List<Run> engine(ApplyFleet fleet, Path work) throws IOException {
        Files.createDirectories(work);
        FleetRequest request = FleetRequest.of(fleet.root.toString(), ApplyFleet.PATH);
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            ReconcileEngine engine = GitOps.engine(
                    work.resolve("cache"),
                    work.resolve("run"),
                    null,
                    cluster,
                    new JsonFileStateStore(work.resolve("state.json")));
            Run cold = measure(
                    "engine apply, cold",
                    fleet.objects(),
                    emulator,
                    () -> check(engine.apply(request, "bench", ReconcileOptions.defaults(), e -> {})));
            Run again = measure(
                    "engine apply, unchanged",
                    fleet.objects(),
                    emulator,
                    () -> check(engine.apply(request, "bench", ReconcileOptions.defaults(), e -> {})));
            return List.of(cold, again);
        }
    }

    private static long planOnly(ApplyFleet fleet, Path work) {
        FleetRequest request = FleetRequest.of(fleet.root.toString(), ApplyFleet.PATH);
        long start = System.nanoTime();
        Plan plan =
                GitOps.planner(work.resolve("cache"), work.resolve("run"), null).plan(request);
        long nanos = System.nanoTime() - start;
        if (plan.hasErrors()) {
            throw new IllegalStateException("the generated fleet has plan errors: " + plan.errors());
        }
        return nanos;
    }

    private static void check(ReconcileReport report) {
        if (!report.ready() || !report.errors().isEmpty()) {
            throw new IllegalStateException("the run did not end Ready: " + report.errors() + " "
                    + report.units().stream()
                            .filter(u -> u.status() != io.jenkins.plugins.gitops.core.reconcile.UnitStatus.READY)
                            .map(UnitReport::message)
                            .toList());
        }
    }

    private static Run measure(String label, int objects, ApiEmulator emulator, Runnable body) {
        emulator.clearLog();
        long before = heapAfterGc();
        long start = System.nanoTime();
        body.run();
        long nanos = System.nanoTime() - start;
        int requests = emulator.requests().size();
        int writes = emulator.writes().size();
        long after = heapAfterGc();
        return new Run(label, objects, nanos, requests, writes, after - before);
    }

    private static long heapAfterGc() {
        MEMORY.gc();
        MEMORY.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
