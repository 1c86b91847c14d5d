package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times {@code plan} on the bundled examples and on a generated fleet, and prints each figure
 * beside a reference measured in the same process: one {@code kubectl kustomize} call per unit,
 * run one after the other for as many units as the fleet has — the floor that an engine shelling out to kustomize cannot beat
 * without parallelism. Ratios, not absolute times, are what compare across machines.
 *
 * <p>Usage: {@code java -jar bench/target/gitops-bench.jar [examplesDir] [runs]}; with {@code apply} as
 * the first argument the jar runs {@link ApplyBenchmark} instead.
 */
public final class PlanBenchmark {

    private PlanBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("apply")) {
            ApplyBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path examples = Path.of(args.length > 0 ? args[0] : "examples");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("gitops-bench-");
        try {
            Path generated = GeneratedFleet.write(work.resolve("fleet"), 10, 20);
            System.out.printf(
                    "gitops plan benchmark: %d runs each after one warm-up, %d processors, Java %s%n",
                    runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf(
                    "%-38s %6s %9s %9s %11s %9s%n", "fleet", "units", "plan ms", "ref ms", "plan/ref", "units/s");
            measure("examples/crd-race clusters/demo", examples.resolve("crd-race"), "clusters/demo", work, runs);
            measure(
                    "examples/layered-platform production",
                    examples.resolve("layered-platform"),
                    "clusters/production",
                    work,
                    runs);
            measure("generated 200 units (10 x 20)", generated, "clusters/bench", work, runs);
        } finally {
            delete(work);
        }
    }

    private static void measure(String label, Path repo, String path, Path work, int runs) throws Exception {
        FleetRequest request = FleetRequest.of(repo.toString(), path);
        Plan plan = plan(request, work);
        if (plan.hasErrors()) {
            throw new IllegalStateException(label + " has plan errors: " + plan.errors());
        }
        Path reference = referenceFolder(work);
        List<Long> planTimes = new ArrayList<>();
        List<Long> refTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plan(request, work);
            planTimes.add(System.nanoTime() - start);
            start = System.nanoTime();
            for (int u = 0; u < plan.units().size(); u++) {
                kustomize(reference);
            }
            refTimes.add(System.nanoTime() - start);
        }
        double planMs = median(planTimes) / 1e6;
        double refMs = median(refTimes) / 1e6;
        System.out.printf(
                "%-38s %6d %9.0f %9.0f %11.2f %9.0f%n",
                label,
                plan.units().size(),
                planMs,
                refMs,
                planMs / refMs,
                plan.units().size() / (planMs / 1000));
    }

    private static Plan plan(FleetRequest request, Path work) throws IOException {
        Path runDir = Files.createTempDirectory(work, "run-");
        try {
            return GitOps.planner(work.resolve("cache"), runDir, null).plan(request);
        } finally {
            delete(runDir);
        }
    }

    /** A folder like one generated unit's, with its kustomization file written out. */
    private static Path referenceFolder(Path work) throws IOException {
        Path dir = work.resolve("reference");
        if (!Files.exists(dir)) {
            GeneratedFleet.write(dir, 1, 1);
            Path unit = dir.resolve("units/layer00-unit00");
            Files.writeString(
                    unit.resolve("kustomization.yaml"),
                    "resources:\n  - config.yaml\n  - deployment.yaml\n  - namespace.yaml\n");
        }
        return dir.resolve("units/layer00-unit00");
    }

    /** The reference: one external kustomize build of a unit-sized folder. */
    private static void kustomize(Path folder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "kubectl", "kustomize", "--load-restrictor=LoadRestrictionsNone", folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
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
