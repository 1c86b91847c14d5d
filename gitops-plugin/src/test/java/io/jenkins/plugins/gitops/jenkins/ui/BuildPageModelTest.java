package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildPageModelTest {

    private final BuildPageModel model = BuildPageModel.of(PlatformRun.failedRun(), PlatformRun.graph());

    @Test
    void shouldCountUnitsByStatusInFixedOrder() {
        assertThat(model.getSummary().getCounts())
                .extracting(BuildPageModel.StatusCount::getStatus, BuildPageModel.StatusCount::getCount)
                .containsExactly(tuple("Ready", 6), tuple("Failed", 1), tuple("Skipped", 4), tuple("Suspended", 0));
        assertThat(model.getSummary().getCounts().get(3).isZero()).isTrue();
    }

    @Test
    void shouldSummarizeTheRun() {
        BuildPageModel.Summary summary = model.getSummary();
        assertThat(summary.getResult()).isEqualTo("Not ready");
        assertThat(summary.getResultClass()).isEqualTo("gitops-failed");
        assertThat(summary.getHeadline()).isEqualTo("1 of 11 units failed, 4 skipped");
        assertThat(summary.getDuration()).isEqualTo("8.7 s");
        assertThat(summary.getRevision()).isEqualTo(PlatformRun.REVISION);
        assertThat(summary.getShortRevision()).isEqualTo("main@sha1:3b493eb4");
        assertThat(summary.getStartedAt()).isEqualTo("2025-11-18 14:00:00 UTC");
        assertThat(summary.getPath()).isEqualTo("clusters/prod");
    }

    @Test
    void shouldCallAnAllReadyRunReady() {
        BuildPageModel ready = BuildPageModel.of(PlatformRun.run(PlatformRun.REVISION, false, 61_500), List.of());
        assertThat(ready.getSummary().getResult()).isEqualTo("Ready");
        assertThat(ready.getSummary().getHeadline()).isEqualTo("All 11 units ready");
        assertThat(ready.getSummary().getDuration()).isEqualTo("1 min 1 s");
    }

    @Test
    void shouldListUnitsInPlanOrderWithWaveFromTheGraph() {
        assertThat(model.getUnits())
                .extracting(BuildPageModel.UnitRow::getId)
                .startsWith("flux-system/namespaces", "flux-system/crds", "flux-system/cert-operator");
        BuildPageModel.UnitRow cert = model.getUnits().get(2);
        assertThat(cert.getWave()).isEqualTo("1");
        assertThat(cert.getStatus()).isEqualTo("Failed");
        assertThat(cert.getStatusClass()).isEqualTo("gitops-failed");
        assertThat(cert.getReason()).isEqualTo("HealthCheckFailed");
        assertThat(cert.getMessage()).contains("0 of 2 replicas ready");
        assertThat(cert.getChanges()).isEqualTo("3 created, 1 configured");
        assertThat(cert.getDuration()).isEqualTo("5.0 s");
        assertThat(model.getUnits())
                .extracting(BuildPageModel.UnitRow::getAnchor)
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldShowSkippedUnitsWithoutDuration() {
        BuildPageModel.UnitRow security = model.getUnits().get(5);
        assertThat(security.getId()).isEqualTo("flux-system/security");
        assertThat(security.getStatusClass()).isEqualTo("gitops-skipped");
        assertThat(security.getReason()).isEqualTo("DependencyNotReady");
        assertThat(security.getChanges()).isEqualTo("no changes");
        assertThat(security.getDuration()).isEqualTo(Texts.NONE);
    }

    @Test
    void shouldSummarizeChangesInActionOrder() {
        assertThat(BuildPageModel.changesSummary(List.of(
                        new Change("ConfigMap/a/x", Action.UNCHANGED),
                        new Change("ConfigMap/a/y", Action.CONFIGURED),
                        new Change("ConfigMap/a/z", Action.CREATED),
                        new Change("ConfigMap/a/w", Action.CREATED),
                        new Change("ConfigMap/a/v", Action.DELETED))))
                .isEqualTo("2 created, 1 configured, 1 unchanged, 1 deleted");
        assertThat(BuildPageModel.changesSummary(List.of())).isEqualTo("no changes");
    }

    @Test
    void shouldReadInventoryIdsAndMarkWhatThisRunDid() {
        BuildPageModel.InventorySection cert = model.getInventories().get(2);
        assertThat(cert.getUnitId()).isEqualTo("flux-system/cert-operator");
        assertThat(cert.getAnchor()).isEqualTo(model.getUnits().get(2).getAnchor());
        assertThat(cert.getEntries())
                .extracting(
                        BuildPageModel.InventoryRow::getKind,
                        BuildPageModel.InventoryRow::getNamespace,
                        BuildPageModel.InventoryRow::getName,
                        BuildPageModel.InventoryRow::getGroup,
                        BuildPageModel.InventoryRow::getAction)
                .containsExactly(
                        tuple("ServiceAccount", "cert-system", "cert-operator", "", "created"),
                        tuple("ClusterRole", "", "cert-operator", "rbac.authorization.k8s.io", "created"),
                        tuple("ClusterRoleBinding", "", "cert-operator", "rbac.authorization.k8s.io", "created"),
                        tuple("Deployment", "cert-system", "cert-operator", "apps", "configured"));
    }

    @Test
    void shouldKeepObjectsDeletedByThisRunInTheInventorySection() {
        BuildPageModel.InventorySection databases = model.getInventories().get(6);
        assertThat(databases.getEntries())
                .extracting(BuildPageModel.InventoryRow::getName, BuildPageModel.InventoryRow::getAction)
                .containsExactly(
                        tuple("postgres", "configured"),
                        tuple("postgres", "unchanged"),
                        tuple("postgres-tuning", "deleted"));
        assertThat(databases.getEntries().get(2).getActionClass()).isEqualTo("gitops-action-deleted");
    }

    @Test
    void shouldListHealthAndEvents() {
        assertThat(model.getHealth())
                .filteredOn(h -> h.getStatus().equals("Failed"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.getUnit()).isEqualTo("flux-system/cert-operator");
                    assertThat(h.getStatusClass()).isEqualTo("gitops-failed");
                });
        assertThat(model.getEvents()).first().satisfies(e -> assertThat(e.getAt())
                .isEqualTo("+15 ms"));
        assertThat(model.getEvents())
                .filteredOn(e -> e.getSeverity().equals("Warning"))
                .allSatisfy(e -> assertThat(e.getSeverityClass()).isEqualTo("gitops-event-warning"));
    }

    @Test
    void shouldKeepHostileTextRawForTheViewsToEscapeOnce() {
        String hostile = "<script>alert('x')</script>";
        ReconcileReport report = new ReconcileReport(
                "repo",
                "rev",
                "clusters/<b>",
                false,
                List.of(new UnitReport(
                        hostile,
                        "Kustomization",
                        UnitStatus.FAILED,
                        "Boom&",
                        "<img src=x onerror=alert(1)>",
                        null,
                        List.of(),
                        List.of("a_<b>_c_D"),
                        List.of(),
                        10)),
                List.of(new Event(1, hostile, "Warning", "R", "<i>")),
                List.of(),
                0,
                10);

        BuildPageModel hostileModel =
                BuildPageModel.of(report, List.of(new UnitNode(hostile, "Kustomization", 0, List.of(), null)));

        // Jelly's escape-by-default escapes model strings; escaping here too would show &lt; on the page
        assertThat(hostileModel.getUnits().get(0).getId()).isEqualTo(hostile);
        assertThat(hostileModel.getUnits().get(0).getMessage()).isEqualTo("<img src=x onerror=alert(1)>");
        // ids of elements never come from names
        assertThat(hostileModel.getUnits().get(0).getAnchor()).isEqualTo("gitops-unit-0");
        // the graph is printed unescaped, so it must carry no markup from the report
        assertThat(hostileModel.getGraphSvg())
                .doesNotContain("<script")
                .doesNotContain("<img")
                .contains("&lt;script&gt;");
        Xml.parse(hostileModel.getGraphSvg());
        assertThat(hostileModel.getSummary().getStartedAt()).isEqualTo(Texts.NONE);
    }

    @Test
    void shouldDrawReportUnitsMissingFromTheGraphUnordered() {
        BuildPageModel noPlan = BuildPageModel.of(PlatformRun.failedRun(), List.of());
        assertThat(noPlan.getUnits()).allSatisfy(u -> assertThat(u.getWave()).isEqualTo(Texts.NONE));
        assertThat(noPlan.getGraphSvg()).contains("Not ordered");
    }
}
