package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(build).doesNotContain("<script");
        assertThat(job).doesNotContain("<script");
        Xml.parse(build);
        Xml.parse(job);
    }
}
