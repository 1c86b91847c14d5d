package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftPageModelTest {

    /** As the engine writes it: file names, a hunk header, context, and the changed lines. */
    static final String ROUTER_DIFF = "--- live Deployment/ingress-system/edge-router\n"
            + "+++ desired Deployment/ingress-system/edge-router\n"
            + "@@ -10,7 +10,7 @@\n"
            + "     namespace: ingress-system\n"
            + "   spec:\n"
            + "-    replicas: 1\n"
            + "+    replicas: 2\n"
            + "--- a removed line that looks like a file name\n"
            + "     selector:\n";

    private final DriftPageModel drifted = DriftPageModel.of(PlatformRun.drift(true));

    @Test
    void shouldHeadlineTheUnitsThatDrifted() {
        assertThat(drifted.getResult()).isEqualTo("Drift");
        assertThat(drifted.getResultClass()).isEqualTo("gitops-drifted");
        assertThat(drifted.getHeadline()).isEqualTo("Drift in 2 of 11 units");
        assertThat(drifted.getRevision()).isEqualTo(PlatformRun.OLD_REVISION);
        assertThat(drifted.getShortRevision()).isEqualTo("main@sha1:9f1c2d3e");
        assertThat(drifted.getCompared()).isEqualTo("11 units");
        assertThat(drifted.getCounts())
                .extracting(
                        BuildPageModel.StatusCount::getStatus,
                        BuildPageModel.StatusCount::getCount,
                        BuildPageModel.StatusCount::getStatusClass)
                .containsExactly(
                        tuple("In sync", 9, "gitops-ready"),
                        tuple("Drifted", 2, "gitops-drifted"),
                        tuple("Not compared", 0, "gitops-failed"));
    }

    @Test
    void shouldSayInSyncWithHowManyUnitsWereCompared() {
        DriftPageModel clean = DriftPageModel.of(PlatformRun.drift(false));
        assertThat(clean.getResult()).isEqualTo("In sync");
        assertThat(clean.getResultClass()).isEqualTo("gitops-ready");
        assertThat(clean.getHeadline()).isEqualTo("In sync: 11 units compared");
        assertThat(clean.isHasObjects()).isFalse();
        assertThat(DriftPageModel.of(report(unit("apps/web", List.of()))).getHeadline())
                .isEqualTo("In sync: 1 unit compared");
        assertThat(DriftPageModel.of(new DriftReport(null, List.of())).getHeadline())
                .isEqualTo("No units compared");
    }

    @Test
    void shouldSayWhichUnitsCouldNotBeCompared() {
        DriftPageModel failed = DriftPageModel.of(report(
                unit("apps/web", List.of()),
                new UnitDrift("apps/db", List.of(), "kustomize build failed: missing resource db.yaml")));
        assertThat(failed.getResult()).isEqualTo("Incomplete");
        assertThat(failed.getResultClass()).isEqualTo("gitops-failed");
        assertThat(failed.getHeadline()).isEqualTo("1 of 2 units could not be compared");
        DriftPageModel.UnitRow db = failed.getUnits().get(1);
        assertThat(db.getStatus()).isEqualTo("Not compared");
        assertThat(db.getStatusClass()).isEqualTo("gitops-failed");
        assertThat(db.isHasError()).isTrue();
        assertThat(db.getError()).isEqualTo("kustomize build failed: missing resource db.yaml");
        assertThat(db.getCompared()).isEqualTo(Texts.NONE);
        assertThat(failed.getUnits().get(0).isHasError()).isFalse();
        assertThat(failed.getUnits().get(0).getError()).isEmpty();

        DriftPageModel both = DriftPageModel.of(report(
                unit("apps/web", List.of(drift("Deployment/apps/web"))),
                new UnitDrift("apps/db", List.of(), "timeout"),
                new UnitDrift("apps/cache", List.of(), "timeout")));
        assertThat(both.getResult()).isEqualTo("Drift");
        assertThat(both.getHeadline()).isEqualTo("Drift in 1 of 3 units, 2 could not be compared");
        assertThat(both.getCounts())
                .extracting(BuildPageModel.StatusCount::getCount)
                .containsExactly(0, 1, 2);
    }

    @Test
    void shouldListUnitsInReportOrderWithTheJobPagesDriftWords() {
        assertThat(drifted.getUnits())
                .extracting(DriftPageModel.UnitRow::getId)
                .containsExactlyElementsOf(
                        PlatformRun.graph().stream().map(UnitNode::id).toList());
        DriftPageModel.UnitRow ingress = row(drifted, "flux-system/ingress");
        assertThat(ingress.getStatus()).isEqualTo("1 object drifted");
        assertThat(ingress.getStatusClass()).isEqualTo("gitops-drifted");
        assertThat(ingress.getCompared()).isEqualTo("2 objects");
        DriftPageModel.UnitRow crds = row(drifted, "flux-system/crds");
        assertThat(crds.getStatus()).isEqualTo("In sync");
        assertThat(crds.getStatusClass()).isEqualTo("gitops-ready");
        assertThat(crds.getObjects()).isEmpty();
        assertThat(DriftPageModel.of(report(
                                unit("apps/web", List.of(drift("Deployment/apps/web"), drift("Service/apps/web")))))
                        .getUnits()
                        .get(0)
                        .getStatus())
                .isEqualTo("2 objects drifted");
    }

    @Test
    void shouldListOnlyTheDriftedObjectsWithPositionalAnchors() {
        assertThat(drifted.getObjects())
                .extracting(
                        DriftPageModel.DriftedObject::getUnit,
                        DriftPageModel.DriftedObject::getObject,
                        DriftPageModel.DriftedObject::getAction,
                        DriftPageModel.DriftedObject::getActionClass,
                        DriftPageModel.DriftedObject::getAnchor)
                .containsExactly(
                        tuple(
                                "flux-system/ingress",
                                "Deployment/ingress/ingress-nginx-controller",
                                "configured",
                                "gitops-action-configured",
                                "gitops-drift-0"),
                        tuple(
                                "flux-system/databases",
                                "ConfigMap/databases/postgres-tuning",
                                "configured",
                                "gitops-action-configured",
                                "gitops-drift-1"));
        assertThat(row(drifted, "flux-system/databases").getObjects())
                .extracting(DriftPageModel.DriftedObject::getAnchor)
                .containsExactly("gitops-drift-1");
        assertThat(drifted.isHasObjects()).isTrue();
    }

    @Test
    void shouldSplitTheDiffIntoLinesClassedByWhatTheyAre() {
        DriftPageModel model = DriftPageModel.of(report(unit(
                "flux-system/ingress",
                List.of(new Diff("Deployment/ingress-system/edge-router", Action.CONFIGURED, true, ROUTER_DIFF)))));
        DriftPageModel.DriftedObject router = model.getObjects().get(0);
        assertThat(router.isHasLines()).isTrue();
        assertThat(router.getLines())
                .extracting(DriftPageModel.DiffLine::getCssClass, DriftPageModel.DiffLine::getText)
                .containsExactly(
                        tuple("gitops-diff-file", "--- live Deployment/ingress-system/edge-router"),
                        tuple("gitops-diff-file", "+++ desired Deployment/ingress-system/edge-router"),
                        tuple("gitops-diff-hunk", "@@ -10,7 +10,7 @@"),
                        tuple("gitops-diff-context", "     namespace: ingress-system"),
                        tuple("gitops-diff-context", "   spec:"),
                        tuple("gitops-diff-removed", "-    replicas: 1"),
                        tuple("gitops-diff-added", "+    replicas: 2"),
                        tuple("gitops-diff-removed", "--- a removed line that looks like a file name"),
                        tuple("gitops-diff-context", "     selector:"));
    }

    @Test
    void shouldKeepTheEnginesMaskedSecretTextAsItIs() {
        String masked = "--- live Secret/apps/db\n+++ desired Secret/apps/db\n@@ -1,2 +1,2 @@\n"
                + " data:\n-  password: '***** (before)'\n+  password: '***** (after)'\n";
        DriftPageModel model = DriftPageModel.of(
                report(unit("apps/db", List.of(new Diff("Secret/apps/db", Action.CONFIGURED, true, masked)))));
        assertThat(model.getObjects().get(0).getLines())
                .extracting(DriftPageModel.DiffLine::getText)
                .containsExactly(
                        "--- live Secret/apps/db",
                        "+++ desired Secret/apps/db",
                        "@@ -1,2 +1,2 @@",
                        " data:",
                        "-  password: '***** (before)'",
                        "+  password: '***** (after)'");
    }

    @Test
    void shouldDrawADriftedObjectWithoutTextAsHeaderOnly() {
        DriftPageModel model = DriftPageModel.of(
                report(unit("apps/web", List.of(new Diff("Deployment/apps/web", Action.CREATED, true, "")))));
        DriftPageModel.DriftedObject web = model.getObjects().get(0);
        assertThat(web.getAction()).isEqualTo("created");
        assertThat(web.isHasLines()).isFalse();
    }

    private static DriftPageModel.UnitRow row(DriftPageModel model, String id) {
        return model.getUnits().stream()
                .filter(u -> u.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static DriftReport report(UnitDrift... units) {
        return new DriftReport(PlatformRun.REVISION, List.of(units));
    }

    private static UnitDrift unit(String id, List<Diff> diffs) {
        return new UnitDrift(id, diffs, null);
    }

    private static Diff drift(String object) {
        return new Diff(object, Action.CONFIGURED, true, "--- live\n+++ desired\n@@ -1 +1 @@\n-a\n+b\n");
    }
}
