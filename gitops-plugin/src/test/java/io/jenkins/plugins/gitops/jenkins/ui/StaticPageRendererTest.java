package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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
        String html = StaticPageRenderer.jobPage("platform", JobPageModel.of(PlatformRun.history()));
        Xml.parse(html);
        assertThat(html).contains("#105: Not ready").contains("drift in 2 units");
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
        String job = StaticPageRenderer.jobPage("job", JobPageModel.of(List.of(BuildRecord.applied(1, 0, report))));

        assertThat(build).doesNotContain("<script");
        assertThat(job).doesNotContain("<script");
        Xml.parse(build);
        Xml.parse(job);
    }
}
