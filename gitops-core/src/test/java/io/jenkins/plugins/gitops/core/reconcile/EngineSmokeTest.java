package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.JsonFileStateStore;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSmokeTest {

    @TempDir
    Path work;

    @Test
    void shouldApplyTheCrdRaceExampleInOrderAndReachReady() {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            ReconcileEngine engine = GitOps.engine(
                    work.resolve("cache"),
                    work.resolve("run"),
                    null,
                    cluster,
                    new JsonFileStateStore(work.resolve("state.json")));
            List<Event> events = new ArrayList<>();
            ReconcileReport report = engine.apply(
                    FleetRequest.of(Path.of("../examples/crd-race").toString(), "clusters/demo"),
                    "demo",
                    ReconcileOptions.defaults(),
                    events::add);

            assertThat(report.units()).allSatisfy(u -> assertThat(u.status())
                    .as(u.id() + " " + u.message())
                    .isEqualTo(UnitStatus.READY));
        }
    }
}
