package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.testing.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine wired as the command line wires it, against {@link TestCluster}: the API emulator by
 * default, the kubeconfig's cluster with the {@code real-cluster} profile.
 */
@Tag("integration")
class EngineSmokeTest {

    private static final Path CRD_RACE = Path.of("../examples/crd-race");

    @TempDir
    Path work;

    @Test
    void shouldApplyTheCrdRaceExampleInOrderAndReachReady() throws IOException {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
        try (TestCluster cluster = TestCluster.start()) {
            Path repo = cluster.isEmulator() ? CRD_RACE : runnableCopy(CRD_RACE, work.resolve("crd-race"));
            ReconcileEngine engine = GitOps.engine(
                    work.resolve("cache"),
                    work.resolve("run"),
                    null,
                    cluster.client(),
                    new JsonFileStateStore(work.resolve("state.json")));
            List<Event> events = new ArrayList<>();
            ReconcileReport report = engine.apply(
                    FleetRequest.of(repo.toString(), "clusters/demo"),
                    "demo",
                    ReconcileOptions.defaults(),
                    events::add);

            assertThat(report.units()).allSatisfy(u -> assertThat(u.status())
                    .as(u.id() + " " + u.message() + " on " + cluster)
                    .isEqualTo(UnitStatus.READY));
        }
    }

    /**
     * The example's operator image is fictional (the example is about ordering): on a real cluster
     * its Deployment would never become Available. The copy runs a pause container in its place,
     * with the same name, service account and labels, and no probes.
     */
    private static Path runnableCopy(Path example, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(example)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(example.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        Files.writeString(
                target.resolve("infrastructure/secrets/operator/deployment.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: secrets-operator
                  namespace: secrets-system
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/instance: secrets-operator
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/instance: secrets-operator
                    spec:
                      serviceAccountName: secrets-operator
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 65535
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                        - name: controller
                          image: registry.k8s.io/pause:3.10
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities:
                              drop: ["ALL"]
                """,
                StandardCharsets.UTF_8);
        return target;
    }
}
