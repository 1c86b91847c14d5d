package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPageModelTest {

    private final JobPageModel model = JobPageModel.of(PlatformRun.FLEET, PlatformRun.history());

    @Test
    void shouldListBuildsNewestFirstWhateverTheInputOrder() {
        List<BuildRecord> shuffled = new ArrayList<>(PlatformRun.history());
        Collections.reverse(shuffled);
        assertThat(JobPageModel.of(PlatformRun.FLEET, shuffled).getBuilds())
                .extracting(JobPageModel.BuildRow::getNumber)
                .containsExactly("#105", "#104", "#103", "#102", "#101");
    }

    @Test
    void shouldDescribeEachBuild() {
        assertThat(model.getBuilds())
                .extracting(
                        JobPageModel.BuildRow::getOperation,
                        JobPageModel.BuildRow::getResult,
                        JobPageModel.BuildRow::getHealth,
                        JobPageModel.BuildRow::getDrift)
                .containsExactly(
                        tuple("apply", "Not ready", "failed in 1 unit", Texts.NONE),
                        tuple("drift check", "In sync", Texts.NONE, "in sync"),
                        tuple("apply", "Ready", "healthy", Texts.NONE),
                        tuple("drift check", "Drift", Texts.NONE, "drift in 2 units"),
                        tuple("apply", "Ready", "healthy", Texts.NONE));
        JobPageModel.BuildRow newest = model.getBuilds().get(0);
        assertThat(newest.getCounts()).isEqualTo("6 Ready, 1 Failed, 4 Skipped");
        assertThat(newest.getHref()).isEqualTo("../105/");
        assertThat(newest.getWhen()).isEqualTo("2025-11-18 14:00:00 UTC");
        assertThat(model.getBuilds().get(3).getResultClass()).isEqualTo("gitops-drifted");
    }

    @Test
    void shouldGiveEachUnitsLatestState() {
        assertThat(model.getLatestRun()).isEqualTo("#105: Not ready \u2014 1 of 11 units failed, 4 skipped");
        assertThat(model.getLatestDrift()).isEqualTo("#104: in sync");
        assertThat(model.getFleet()).isEqualTo(PlatformRun.FLEET);
        assertThat(model.getPath()).isEqualTo("clusters/prod");
        JobPageModel.LatestUnit cert = unit("flux-system/cert-operator");
        assertThat(cert.getStatus()).isEqualTo("Failed");
        assertThat(cert.getBuild()).isEqualTo("#105");
        assertThat(cert.getHealth()).isEqualTo("1 Failed, 1 InProgress");
        assertThat(cert.getHealthClass()).isEqualTo("gitops-failed");
        assertThat(cert.getDrift()).isEqualTo("In sync (#104)");
        assertThat(unit("flux-system/crds").getHealth()).isEqualTo("2 Current");
        assertThat(unit("flux-system/namespaces").getHealth()).isEqualTo("not checked");
    }

    @Test
    void shouldDrawAUnitByBuildHistory() {
        assertThat(model.getHistoryColumns())
                .extracting(JobPageModel.BuildRow::getNumber)
                .startsWith("#105");
        JobPageModel.HistoryRow ingress = model.getHistory().stream()
                .filter(r -> r.getUnit().equals("flux-system/ingress"))
                .findFirst()
                .orElseThrow();
        assertThat(ingress.getCells())
                .extracting(JobPageModel.HistoryCell::getText, JobPageModel.HistoryCell::getCssClass)
                .containsExactly(
                        tuple("Ready", "gitops-ready"),
                        tuple("In sync", "gitops-ready"),
                        tuple("Ready", "gitops-ready"),
                        tuple("Drift", "gitops-drifted"),
                        tuple("Ready", "gitops-ready"));
        assertThat(ingress.getCells().get(3).getTitle()).isEqualTo("drift: 1 object drifted");
        assertThat(model.getHistory())
                .extracting(JobPageModel.HistoryRow::getUnit)
                .startsWith("flux-system/namespaces");
    }

    @Test
    void shouldMarkUnitsABuildDidNotRun() {
        JobPageModel partial = JobPageModel.of(
                PlatformRun.FLEET,
                List.of(
                        BuildRecord.applied(1, 0, PlatformRun.failedRun()),
                        BuildRecord.diffed(
                                2,
                                0,
                                new DriftReport(
                                        "r",
                                        List.of(new DriftReport.UnitDrift(
                                                "extra/unit",
                                                List.of(new Diff("ConfigMap/a/b", Action.CONFIGURED, true, "")),
                                                null))))));
        JobPageModel.HistoryRow extra =
                partial.getHistory().get(partial.getHistory().size() - 1);
        assertThat(extra.getUnit()).isEqualTo("extra/unit");
        assertThat(extra.getCells())
                .extracting(JobPageModel.HistoryCell::getCssClass)
                .containsExactly("gitops-drifted", "gitops-not-run");
        assertThat(partial.getLatest().get(partial.getLatest().size() - 1).getStatus())
                .isEqualTo("Not run");
    }

    @Test
    void shouldSayWhenThereIsNothingYet() {
        JobPageModel empty = JobPageModel.of(PlatformRun.FLEET, List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.getLatestRun()).isEqualTo("No reconcile yet");
        assertThat(empty.getLatestDrift()).isEqualTo("No drift check yet");
        assertThat(empty.getPath()).isEqualTo(Texts.NONE);
        assertThat(JobPageModel.noRunsText(30)).isEqualTo("No GitOps runs in the last 30 builds");
        assertThat(JobPageModel.noRunsText(1)).isEqualTo("No GitOps runs in the last build");
    }

    @Test
    void shouldRefuseABuildWithoutAReport() {
        assertThatThrownBy(() -> new BuildRecord(3, 0, null, null)).hasMessageContaining("#3");
    }

    private JobPageModel.LatestUnit unit(String id) {
        return model.getLatest().stream()
                .filter(u -> u.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
