package io.jenkins.plugins.gitops.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KStatusTest {

    private static final String CASES =
            """
            deployment-progressing.yaml                | InProgress  | 1 of 3 replicas updated
            deployment-scaling-up.yaml                 | InProgress  | 1 of 3 replicas created
            deployment-updated-not-available.yaml      | InProgress  | 1 of 3 updated replicas available
            deployment-old-replicas.yaml               | InProgress  | 1 old replica pending termination
            deployment-available.yaml                  | Current     | 3 replicas available
            deployment-no-deadline.yaml                | Current     | 1 replica available
            deployment-deadline-exceeded.yaml          | Failed      | progress deadline exceeded: ReplicaSet web-7d4b9c has timed out progressing.
            deployment-observed-generation-stale.yaml  | InProgress  | generation 4 not observed yet (the controller last saw generation 3)
            deployment-not-available.yaml              | InProgress  | waiting for the Available condition
            deployment-new-replicaset-pending.yaml     | InProgress  | waiting for the new ReplicaSet to become available
            statefulset-creating.yaml                  | InProgress  | 2 of 3 replicas created
            statefulset-not-ready.yaml                 | InProgress  | 2 of 3 replicas ready
            statefulset-rolling-update.yaml            | InProgress  | 2 of 3 replicas at the current revision
            statefulset-revision-mismatch.yaml         | InProgress  | rolling update from revision db-5c8f7 to db-6d9a1
            statefulset-partition.yaml                 | InProgress  | 0 of 1 replicas updated (partition 2)
            statefulset-partition-done.yaml            | Current     | partitioned rollout complete: 1 replica updated
            statefulset-ondelete.yaml                  | Current     | update strategy OnDelete: pods are replaced when deleted
            statefulset-ready.yaml                     | Current     | 3 replicas ready
            daemonset-not-observed.yaml                | InProgress  | not observed by the DaemonSet controller yet
            daemonset-updating.yaml                    | InProgress  | 2 of 4 pods updated
            daemonset-not-ready.yaml                   | InProgress  | 3 of 4 pods ready
            daemonset-ready.yaml                       | Current     | 4 pods ready
            replicaset-replica-failure.yaml            | InProgress  | replica failure: exceeded quota compute-resources
            replicaset-not-available.yaml              | InProgress  | 1 of 2 replicas available
            replicaset-available.yaml                  | Current     | 2 replicas available
            pod-running.yaml                           | Current     | running and ready
            pod-running-not-ready.yaml                 | InProgress  | running but not ready
            pod-crashloop.yaml                         | Failed      | containers in CrashLoopBackOff: app
            pod-pending.yaml                           | InProgress  | pending
            pod-unschedulable.yaml                     | Failed      | cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu.
            pod-unschedulable-recent.yaml              | InProgress  | not scheduled yet
            pod-succeeded.yaml                         | Current     | completed successfully
            job-running.yaml                           | InProgress  | job is running
            job-running-parallel.yaml                  | InProgress  | job is running: 2 of 5 succeeded
            job-not-started.yaml                       | InProgress  | job has not started
            job-complete.yaml                          | Current     | completed: 1 of 1 succeeded
            job-failed.yaml                            | Failed      | job failed after 7 failed pods: Job has reached the specified backoff limit
            pvc-pending.yaml                           | InProgress  | not bound yet (phase Pending)
            pvc-bound.yaml                             | Current     | bound to volume pvc-3f1c
            service-clusterip.yaml                     | Current     | service ready
            service-lb-pending.yaml                    | InProgress  | waiting for a cluster IP (type LoadBalancer)
            service-lb-no-ingress.yaml                 | Current     | cluster IP assigned; load balancer ingress still pending
            service-lb-ready.yaml                      | Current     | load balancer ready at 203.0.113.10
            pdb.yaml                                   | Current     | 1 disruption allowed
            crd-established.yaml                       | Current     | established
            crd-not-established.yaml                   | InProgress  | waiting for the CRD to be established
            crd-names-rejected.yaml                    | Failed      | names not accepted: kind Widget is already in use
            custom-ready-true.yaml                     | Current     | widget is serving
            custom-ready-false.yaml                    | InProgress  | Ready is False: waiting for the backend
            custom-stalled.yaml                        | Failed      | spec.size must be one of small, large
            custom-reconciling.yaml                    | InProgress  | scaling the widget to 3 replicas
            custom-no-conditions.yaml                  | Current     | no Ready condition to wait for
            terminating.yaml                           | Terminating | scheduled for deletion
            configmap.yaml                             | Current     | exists
            cronjob.yaml                               | Current     | exists
            """;

    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = CASES)
    void shouldComputeHealthOfEachFixture(String fixture, String status, String message) {
        Health health = KStatus.compute(Fixtures.load(fixture), Fixtures.NOW);

        assertThat(health.status()).hasToString(status);
        assertThat(health.message()).isEqualTo(message);
    }

    @Test
    void shouldHaveATestCaseForEveryFixture() throws IOException, URISyntaxException {
        Path dir = Path.of(
                Objects.requireNonNull(getClass().getResource("/health")).toURI());
        Set<String> tested = CASES.lines()
                .map(line -> line.split("\\|")[0].strip())
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("cel-"))
                    .collect(Collectors.toCollection(HashSet::new));
        }

        assertThat(tested).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void shouldTreatAPodAsUnschedulableOnlyAfterTheSchedulingWindow() {
        var pod = Fixtures.load("pod-unschedulable-recent.yaml");

        assertThat(KStatus.compute(pod, Fixtures.NOW).status()).isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(KStatus.compute(pod, Fixtures.NOW.plus(PodHealth.SCHEDULE_WINDOW))
                        .status())
                .isEqualTo(HealthStatus.FAILED);
    }
}
