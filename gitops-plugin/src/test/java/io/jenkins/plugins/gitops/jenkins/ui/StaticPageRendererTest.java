package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class StaticPageRendererTest {

    @Test
    void shouldRenderTheBuildPageAsWellFormedMarkup() {
        String html = StaticPageRenderer.buildPage(
                "platform", 105, BuildPageModel.of(PlatformRun.failedRun(), PlatformRun.graph()));
        Document doc = Xml.parse(html);
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(html).contains("1 of 11 units failed, 4 skipped").contains("3 created, 1 configured");
    }

    @Test
    void shouldRenderTheJobPageAsWellFormedMarkup() {
        String html = StaticPageRenderer.jobPage(
                "platform", List.of(JobPageModel.of(PlatformRun.FLEET, PlatformRun.history())), 30);
        Xml.parse(html);
        assertThat(html).contains("#105: Not ready").contains("drift in 2 units");
    }

    @Test
    void shouldRenderOneSectionPerFleetNamingItAndItsPath() {
        String html = StaticPageRenderer.jobPage(
                "platform",
                List.of(
                        JobPageModel.of(PlatformRun.FLEET, PlatformRun.history()),
                        JobPageModel.of(
                                "staging",
                                List.of(BuildRecord.applied(7, 0, PlatformRun.run(PlatformRun.REVISION, false, 1))))),
                30);
        Document doc = Xml.parse(html);

        NodeList headings = doc.getElementsByTagName("h2");
        assertThat(headings.getLength()).isEqualTo(2);
        assertThat(headings.item(0).getTextContent()).isEqualTo("Fleet " + PlatformRun.FLEET + "path clusters/prod");
        assertThat(headings.item(1).getTextContent()).startsWith("Fleet staging");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("GitOps [Jenkins]");
        assertThat(html).doesNotContain("No GitOps runs");
    }

    @Test
    void shouldSaySoWhenNoFleetRanInTheLastBuilds() {
        String html = StaticPageRenderer.jobPage("platform", List.of(), 30);
        Xml.parse(html);
        assertThat(html.substring(html.indexOf("<div class=\"gitops-page\">")))
                .contains("<p class=\"gitops-empty\">No GitOps runs in the last 30 builds</p>")
                .doesNotContain("gitops-fleet");
    }

    @Test
    void shouldDrawADriftCheckAloneWithTheFleetAsTitle() {
        String html = StaticPageRenderer.buildPage(
                "platform", 104, PlatformRun.FLEET, null, DriftPageModel.of(PlatformRun.drift(true)));
        Document doc = Xml.parse(html);

        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("GitOps: " + PlatformRun.FLEET + " [Jenkins]");
        assertThat(doc.getElementsByTagName("h1").item(0).getTextContent())
                .isEqualTo("Drift GitOps: " + PlatformRun.FLEET);
        assertThat(doc.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("Drift check");
        assertThat(doc.getElementsByTagName("pre").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("svg").getLength()).isZero();
        assertThat(html)
                .contains("<p class=\"gitops-headline\">Drift in 2 of 11 units</p>")
                .contains("<span class=\"gitops-diff-added\">+  replicas: 2</span>")
                .contains("<a href=\"#gitops-drift-1\"><code>ConfigMap/databases/postgres-tuning</code></a>");
        assertThat(html.substring(html.indexOf("<div class=\"gitops-page\">")))
                .as("no line about a re-apply")
                .doesNotContain("gitops-drift-corrected");
    }

    @Test
    void shouldDrawTheDriftFoundBeforeTheRunThatCorrectedIt() {
        String html = StaticPageRenderer.buildPage(
                "platform",
                105,
                PlatformRun.FLEET,
                BuildPageModel.of(PlatformRun.run(PlatformRun.REVISION, false, 1), PlatformRun.graph()),
                DriftPageModel.of(PlatformRun.drift(true)));
        Xml.parse(html);

        assertThat(html)
                .contains("<h1 class=\"gitops-title\"><span class=\"gitops-pill gitops-ready\">Ready</span> "
                        + "GitOps: clusters/prod</h1>")
                .contains("Drift in 2 of 11 units; this build corrected it by re-applying the fleet.");
        assertThat(html.indexOf("<h2>Drift check</h2>"))
                .isGreaterThan(html.indexOf("<h1"))
                .isLessThan(html.indexOf("<h2>Dependency graph</h2>"));
    }

    @Test
    void shouldSaySoWhenABuildStoredNoReport() {
        String html = StaticPageRenderer.buildPage("platform", 1, PlatformRun.FLEET, null, null);
        Xml.parse(html);
        assertThat(html).contains("<p class=\"gitops-empty\">This run stored no report.</p>");
    }

    @Test
    void shouldEscapeHostileTextOnBothPages() {
        String hostile = "<script>alert(1)</script>";
        ReconcileReport report = new ReconcileReport(
                "<a>",
                "<b>",
                hostile,
                false,
                List.of(new UnitReport(
                        hostile,
                        "K",
                        UnitStatus.FAILED,
                        hostile,
                        hostile,
                        hostile,
                        List.of(),
                        List.of(hostile),
                        List.of(),
                        1)),
                List.of(new Event(0, hostile, "Warning", hostile, hostile)),
                List.of(hostile),
                0,
                1);

        String build = StaticPageRenderer.buildPage("job", 1, BuildPageModel.of(report, List.of()));
        String job = StaticPageRenderer.jobPage(
                "job", List.of(JobPageModel.of(hostile, List.of(BuildRecord.applied(1, 0, report)))), 30);

        String drift = StaticPageRenderer.buildPage(
                "job",
                2,
                hostile,
                null,
                DriftPageModel.of(new DriftReport(
                        hostile,
                        List.of(
                                new UnitDrift(
                                        hostile,
                                        List.of(new Diff(
                                                hostile, Action.CONFIGURED, true, "@@ -1 +1 @@\n-" + hostile + "\n")),
                                        null),
                                new UnitDrift(hostile, List.of(), hostile)))));

        assertThat(build).doesNotContain("<script");
        assertThat(job).doesNotContain("<script");
        assertThat(drift).doesNotContain("<script").contains("-&lt;script&gt;alert(1)&lt;/script&gt;");
        Xml.parse(build);
        Xml.parse(job);
        Xml.parse(drift);
    }
}
