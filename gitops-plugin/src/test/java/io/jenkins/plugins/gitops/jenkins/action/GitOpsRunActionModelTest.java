package io.jenkins.plugins.gitops.jenkins.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeRun;
import io.jenkins.plugins.gitops.jenkins.ui.BuildPageModel;
import io.jenkins.plugins.gitops.jenkins.ui.DriftPageModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsRunActionModelTest {

    @TempDir
    Path buildDir;

    private static UnitReport unit(
            String id, UnitStatus status, String reason, int wave, List<String> deps, String parent) {
        return new UnitReport(
                        id,
                        "Kustomization",
                        status,
                        reason,
                        "m",
                        "main@sha1:abc",
                        List.of(new Change("ConfigMap/apps/" + id.replace('/', '-'), Action.CREATED)),
                        List.of(),
                        List.of(),
                        10)
                .withPlacement(wave, deps, parent);
    }

    @Test
    void shouldDrawTheBuildPageFromTheStoredReportWithItsDependencyGraph() throws Exception {
        ReconcileReport report = new ReconcileReport(
                "https://git.example/fleet.git",
                "main@sha1:abc",
                "clusters/prod",
                false,
                List.of(
                        unit(
                                "flux-system/flux-system",
                                UnitStatus.READY,
                                "ReconciliationSucceeded",
                                0,
                                List.of(),
                                null),
                        unit(
                                "flux-system/crds",
                                UnitStatus.FAILED,
                                "HealthCheckFailed",
                                1,
                                List.of(),
                                "flux-system/flux-system"),
                        unit(
                                "flux-system/apps",
                                UnitStatus.SKIPPED,
                                "DependencyNotReady",
                                2,
                                List.of("flux-system/crds"),
                                "flux-system/flux-system")),
                List.of(),
                List.of(),
                0,
                100);
        FakeRun run = new FakeRun(buildDir.toFile(), null);

        GitOpsRunAction action =
                GitOpsRunAction.write(run, "fleet#clusters/prod", "apply", report, null, FleetState.EMPTY);
        BuildPageModel model = action.getModel();

        assertThat(model).isNotNull();
        assertThat(model.getGraphSvg())
                .contains("flux-system/crds")
                .contains("flux-system/apps")
                .startsWith("<svg");
        assertThat(model.getUnits())
                .extracting(BuildPageModel.UnitRow::getId)
                .containsExactly("flux-system/flux-system", "flux-system/crds", "flux-system/apps");
        assertThat(action.getBadge()).isNotNull();
    }

    @Test
    void shouldDrawADriftCheckAloneFromTheStoredDriftReport() throws Exception {
        DriftReport drift = new DriftReport(
                "main@sha1:abc",
                List.of(
                        new DriftReport.UnitDrift(
                                "flux-system/apps",
                                List.of(new Diff(
                                        "Deployment/apps/web",
                                        Action.CONFIGURED,
                                        true,
                                        "--- live\n+++ desired\n@@ -1 +1 @@\n-  replicas: 1\n+  replicas: 2\n")),
                                null),
                        new DriftReport.UnitDrift("flux-system/crds", List.of(), null)));
        FakeRun run = new FakeRun(buildDir.toFile(), null);

        GitOpsRunAction action = GitOpsRunAction.write(run, "fleet#clusters/prod", "DIFF", null, drift, null);

        assertThat(action.getModel()).isNull();
        DriftPageModel page = action.getDrift();
        assertThat(page).isNotNull();
        assertThat(action.getDrift()).as("read once").isSameAs(page);
        assertThat(page.getHeadline()).isEqualTo("Drift in 1 of 2 units");
        assertThat(page.getObjects().get(0).getLines())
                .extracting(DriftPageModel.DiffLine::getText)
                .contains("+  replicas: 2");
        assertThat(action.getTitle()).isEqualTo("GitOps: fleet#clusters/prod");
    }

    @Test
    void shouldOfferBothPagesWhenADriftCheckReapplied() throws Exception {
        ReconcileReport report = new ReconcileReport(
                "https://git.example/fleet.git",
                "main@sha1:abc",
                "clusters/prod",
                false,
                List.of(unit("flux-system/apps", UnitStatus.READY, "ReconciliationSucceeded", 0, List.of(), null)),
                List.of(),
                List.of(),
                0,
                100);
        DriftReport drift = new DriftReport(
                "main@sha1:abc",
                List.of(new DriftReport.UnitDrift(
                        "flux-system/apps",
                        List.of(new Diff("ConfigMap/apps/x", Action.CONFIGURED, true, "-a\n+b\n")),
                        null)));
        FakeRun run = new FakeRun(buildDir.toFile(), null);

        GitOpsRunAction action = GitOpsRunAction.write(run, "fleet#clusters/prod", "DIFF", report, drift, null);

        assertThat(action.getModel()).isNotNull();
        assertThat(action.getDrift()).isNotNull();
        assertThat(action.getTitle()).isEqualTo("GitOps: clusters/prod");
    }

    @Test
    void shouldHaveNeitherPageWhenTheRunStoredNoReport() throws Exception {
        FakeRun run = new FakeRun(buildDir.toFile(), null);

        GitOpsRunAction action = GitOpsRunAction.write(run, "fleet#clusters/prod", "APPLY", null, null, null);

        assertThat(action.getModel()).isNull();
        assertThat(action.getDrift()).isNull();
        assertThat(action.getTitle()).isEqualTo("GitOps: fleet#clusters/prod");
    }
}
