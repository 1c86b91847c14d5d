package io.jenkins.plugins.gitops.jenkins.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hudson.model.InvisibleAction;
import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeJob;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeRun;
import io.jenkins.plugins.gitops.jenkins.ui.JobPageModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsJobActionTest {

    private static final String STAGING = "https://git.example/fleet.git#clusters/staging";
    private static final String PROD = "https://git.example/fleet.git#clusters/prod";
    private static final long STARTED = 1_763_474_400_000L; // 2025-11-18 14:00 UTC
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path jobDir;

    private final FakeJob job = new FakeJob();

    @Test
    void shouldGiveEachFleetItsOwnModelWithOnlyItsUnitsAndBuilds() throws IOException {
        FakeRun first = build();
        apply(first, STAGING, report("clusters/staging", STARTED, "apps/staging-web"));
        apply(first, PROD, report("clusters/prod", STARTED + 1, "apps/prod-web", "apps/prod-db"));
        FakeRun second = build();
        apply(second, PROD, report("clusters/prod", STARTED + HOUR, "apps/prod-web", "apps/prod-db"));

        List<JobPageModel> fleets = action(30).getFleets();

        assertThat(fleets).extracting(JobPageModel::getFleet).containsExactly(PROD, STAGING);
        JobPageModel prod = fleets.get(0);
        assertThat(prod.getPath()).isEqualTo("clusters/prod");
        assertThat(prod.getLatest())
                .extracting(JobPageModel.LatestUnit::getId)
                .containsExactly("apps/prod-web", "apps/prod-db");
        assertThat(prod.getBuilds())
                .extracting(JobPageModel.BuildRow::getNumber)
                .containsExactly("#2", "#1");
        assertThat(prod.getHistory())
                .allSatisfy(row -> assertThat(row.getCells()).hasSize(2));
        JobPageModel staging = fleets.get(1);
        assertThat(staging.getPath()).isEqualTo("clusters/staging");
        assertThat(staging.getLatest())
                .extracting(JobPageModel.LatestUnit::getId)
                .containsExactly("apps/staging-web");
        assertThat(staging.getBuilds())
                .extracting(JobPageModel.BuildRow::getNumber)
                .containsExactly("#1");
        assertThat(staging.getLatestRun()).startsWith("#1: Ready");
    }

    @Test
    void shouldPutTheFleetWithTheNewestBuildFirstAndKeepABuildsOrderOfFleets() throws IOException {
        FakeRun first = build();
        apply(first, STAGING, report("clusters/staging", STARTED, "apps/web"));
        apply(first, PROD, report("clusters/prod", STARTED, "apps/web"));
        assertThat(action(30).getFleets()).extracting(JobPageModel::getFleet).containsExactly(STAGING, PROD);

        apply(build(), PROD, report("clusters/prod", STARTED + HOUR, "apps/web"));
        assertThat(action(30).getFleets()).extracting(JobPageModel::getFleet).containsExactly(PROD, STAGING);
    }

    @Test
    void shouldSkipBuildsWithoutAGitOpsRunAndRunsThatStoredNoReport() throws IOException {
        apply(build(), PROD, report("clusters/prod", STARTED, "apps/web"));
        build().addAction(new InvisibleAction() {});
        // a run that failed before the engine reported anything keeps an action, but no report
        FakeRun third = build();
        third.addAction(GitOpsRunAction.write(third, PROD, "APPLY", null, null, null));
        apply(build(), STAGING, report("clusters/staging", STARTED + 3 * HOUR, "apps/web"));

        List<JobPageModel> fleets = action(30).getFleets();

        assertThat(fleets).extracting(JobPageModel::getFleet).containsExactly(STAGING, PROD);
        assertThat(fleets.get(1).getBuilds())
                .extracting(JobPageModel.BuildRow::getNumber)
                .containsExactly("#1");
    }

    @Test
    void shouldReadOnlyTheLastHistoryLengthBuilds() throws IOException {
        apply(build(), STAGING, report("clusters/staging", STARTED, "apps/web"));
        for (int i = 2; i <= 5; i++) {
            apply(build(), PROD, report("clusters/prod", STARTED + i * HOUR, "apps/web"));
        }

        List<JobPageModel> fleets = action(3).getFleets();

        assertThat(fleets).extracting(JobPageModel::getFleet).containsExactly(PROD);
        assertThat(fleets.get(0).getBuilds())
                .extracting(JobPageModel.BuildRow::getNumber)
                .containsExactly("#5", "#4", "#3");
        assertThat(action(5).getFleets()).extracting(JobPageModel::getFleet).containsExactly(PROD, STAGING);
    }

    @Test
    void shouldTimeARunByItsStartAndADriftCheckByWhenItWasRecorded() throws IOException {
        FakeRun first = build();
        first.addAction(GitOpsRunAction.write(
                first, PROD, "APPLY", report("clusters/prod", STARTED, "apps/web"), null, null, STARTED + HOUR));
        FakeRun second = build();
        second.addAction(
                GitOpsRunAction.write(second, PROD, "DIFF", null, drift("apps/web"), null, STARTED + 2 * HOUR));
        // build.xml written before the action kept the time: XStream leaves the field 0
        FakeRun third = build();
        third.addAction(GitOpsRunAction.write(third, PROD, "DIFF", null, drift("apps/web"), null, 0));

        JobPageModel prod = action(30).getFleets().get(0);

        assertThat(prod.getBuilds())
                .extracting(
                        JobPageModel.BuildRow::getNumber,
                        JobPageModel.BuildRow::getOperation,
                        JobPageModel.BuildRow::getWhen)
                .containsExactly(
                        tuple("#3", "drift check", "\u2014"),
                        tuple("#2", "drift check", "2025-11-18 16:00:00 UTC"),
                        tuple("#1", "apply", "2025-11-18 14:00:00 UTC"));
    }

    @Test
    void shouldStampTheActionWhenItStoresTheReports() throws IOException {
        FakeRun run = build();
        long before = System.currentTimeMillis();

        GitOpsRunAction action = GitOpsRunAction.write(run, PROD, "DIFF", null, drift("apps/web"), FleetState.EMPTY);

        assertThat(action.getRecordedAtEpochMs()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void shouldHaveRecordsOnlyWhenARecentBuildRanTheEngine() throws IOException {
        assertThat(action(30).hasRecords()).isFalse();
        assertThat(action(30).getFleets()).isEmpty();
        assertThat(action(30).getNoRunsText()).isEqualTo("No GitOps runs in the last 30 builds");

        apply(build(), PROD, report("clusters/prod", STARTED, "apps/web"));
        build();
        build();

        assertThat(action(3).hasRecords()).isTrue();
        assertThat(action(2).hasRecords()).isFalse();
        assertThat(action(2).getFleets()).isEmpty();
    }

    @Test
    void shouldBeOfferedByTheFactoryOnlyToJobsWithRecords() throws IOException {
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30)).isEmpty();

        apply(build(), PROD, report("clusters/prod", STARTED, "apps/web"));

        assertThat(GitOpsJobActionFactory.actionsFor(job, 30))
                .singleElement()
                .satisfies(a -> assertThat(a.getJob()).isSameAs(job))
                .satisfies(a -> assertThat(a.getHistoryLength()).isEqualTo(30));
        assertThat(new GitOpsJobActionFactory().actionType()).isEqualTo(GitOpsJobAction.class);
    }

    @Test
    void shouldNotWalkTheBuildsAgainUntilANewBuildFinishes() throws IOException {
        FakeRun running = build().building(true);
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30)).isEmpty();

        apply(running, PROD, report("clusters/prod", STARTED, "apps/web"));
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30))
                .as("a run added while the build runs is seen at once")
                .hasSize(1);

        running.building(false);
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30)).hasSize(1);
        running.actions().clear();
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30))
                .as("kept for the finished build: the builds are not walked again")
                .hasSize(1);

        build();
        assertThat(GitOpsJobActionFactory.actionsFor(job, 30))
                .as("a new build: walked again")
                .isEmpty();
    }

    private GitOpsJobAction action(int historyLength) {
        return new GitOpsJobAction(job, historyLength);
    }

    private FakeRun build() {
        int number = job.getLastBuild() == null ? 1 : job.getLastBuild().getNumber() + 1;
        return job.newBuild(
                jobDir.resolve("builds").resolve(String.valueOf(number)).toFile());
    }

    private static void apply(FakeRun run, String fleet, ReconcileReport report) throws IOException {
        run.addAction(GitOpsRunAction.write(run, fleet, "APPLY", report, null, FleetState.EMPTY));
    }

    private static ReconcileReport report(String path, long startedAt, String... units) {
        List<UnitReport> list = Arrays.stream(units)
                .map(id -> new UnitReport(
                        id,
                        "Kustomization",
                        UnitStatus.READY,
                        "ReconciliationSucceeded",
                        "",
                        "main@sha1:abc",
                        List.of(),
                        List.of(),
                        List.of(),
                        10,
                        0,
                        List.of(),
                        null))
                .toList();
        return new ReconcileReport(
                "https://git.example/fleet.git",
                "main@sha1:abc",
                path,
                false,
                list,
                List.of(),
                List.of(),
                startedAt,
                100);
    }

    private static DriftReport drift(String unit) {
        return new DriftReport(
                "main@sha1:abc",
                List.of(new UnitDrift(unit, List.of(new Diff("ConfigMap/apps/a", Action.CONFIGURED, true, "")), null)));
    }
}
