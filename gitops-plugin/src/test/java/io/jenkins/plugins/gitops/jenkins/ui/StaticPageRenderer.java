package io.jenkins.plugins.gitops.jenkins.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The HTML the Jelly views produce, written from the same view models with the same structure and
 * classes, inside a stand-in for Jenkins' page chrome. Jelly cannot render without a running
 * Jenkins; this lets tests check the pages and take screenshots of them. Keep it in step with
 * {@code GitOpsRunAction/index.jelly} and {@code GitOpsJobAction/index.jelly}: {@link
 * JellyViewsTest} compares the classes both use.
 */
final class StaticPageRenderer {

    static final Path PLUGIN_CSS = Path.of("src/main/webapp/css/gitops.css");

    private final StringBuilder out = new StringBuilder(32_768);

    private StaticPageRenderer() {}

    /** The build's GitOps page, as {@code GitOpsRunAction/index.jelly} draws it. */
    static String buildPage(String job, int build, BuildPageModel model) {
        StaticPageRenderer r = new StaticPageRenderer();
        BuildPageModel.Summary summary = model.getSummary();
        r.open("GitOps " + summary.getPath(), new String[] {"Dashboard", job, "#" + build, "GitOps"}, new String[] {
            "Status", "Changes", "Console Output", "Edit Build Information", "Delete build", "GitOps", "Previous Build"
        });
        r.raw("<div class=\"gitops-page\">");
        r.raw("<h1 class=\"gitops-title\"><span class=\"gitops-pill ")
                .text(summary.getResultClass())
                .raw("\">")
                .text(summary.getResult())
                .raw("</span> GitOps: ")
                .text(summary.getPath())
                .raw("</h1>");
        r.raw("<p class=\"gitops-headline\">").text(summary.getHeadline()).raw("</p>");
        r.raw("<div class=\"gitops-facts\"><dl>");
        r.fact("Source", summary.getSource());
        r.raw("<dt>Revision</dt><dd><code title=\"")
                .text(summary.getRevision())
                .raw("\">")
                .text(summary.getShortRevision())
                .raw("</code></dd>");
        r.fact("Started", summary.getStartedAt());
        r.fact("Duration", summary.getDuration());
        if (summary.isDryRun()) {
            r.fact("Mode", "dry run: nothing was written to the cluster");
        }
        r.raw("</dl><ul class=\"gitops-counts\">");
        for (BuildPageModel.StatusCount count : summary.getCounts()) {
            r.raw("<li class=\"gitops-count ")
                    .text(count.getStatusClass())
                    .raw(" gitops-zero-")
                    .text(String.valueOf(count.isZero()))
                    .raw("\"><span class=\"gitops-count-number\">")
                    .text(String.valueOf(count.getCount()))
                    .raw("</span><span class=\"gitops-count-label\">")
                    .text(count.getStatus())
                    .raw("</span></li>");
        }
        r.raw("</ul></div>");
        if (summary.isHasErrors()) {
            r.raw("<div class=\"gitops-errors\"><h2>Plan errors</h2><ul>");
            summary.getErrors().forEach(e -> r.raw("<li>").text(e).raw("</li>"));
            r.raw("</ul></div>");
        }
        r.raw("<section class=\"gitops-section\"><h2>Dependency graph</h2><div class=\"gitops-graph-box\">")
                .raw(model.getGraphSvg())
                .raw("</div></section>");

        r.raw("<section class=\"gitops-section\"><h2>Units</h2>"
                + "<table class=\"jenkins-table gitops-table gitops-units\"><thead><tr>"
                + "<th>Unit</th><th>Wave</th><th>Status</th><th>Reason</th><th>Changes</th><th>Revision</th>"
                + "<th>Duration</th></tr></thead><tbody>");
        for (BuildPageModel.UnitRow unit : model.getUnits()) {
            r.raw("<tr class=\"").text(unit.getStatusClass()).raw("\">");
            r.raw("<td class=\"gitops-unit-id\"><a href=\"#")
                    .text(unit.getAnchor())
                    .raw("\">")
                    .text(unit.getId())
                    .raw("</a><div class=\"gitops-muted\">")
                    .text(unit.getKind())
                    .raw("</div></td>");
            r.raw("<td class=\"gitops-num\">").text(unit.getWave()).raw("</td>");
            r.pillCell(unit.getStatusClass(), unit.getStatus());
            r.raw("<td class=\"gitops-reason\"><div>")
                    .text(unit.getReason())
                    .raw("</div><div class=\"gitops-message\">")
                    .text(unit.getMessage())
                    .raw("</div></td>");
            r.raw("<td>").text(unit.getChanges()).raw("</td>");
            r.raw("<td><code title=\"")
                    .text(unit.getRevision())
                    .raw("\">")
                    .text(unit.getShortRevision())
                    .raw("</code></td>");
            r.raw("<td class=\"gitops-num\">").text(unit.getDuration()).raw("</td></tr>");
        }
        r.raw("</tbody></table></section>");

        if (model.isHasHealth()) {
            r.raw("<section class=\"gitops-section\"><h2>Health</h2>"
                    + "<table class=\"jenkins-table gitops-table gitops-health\"><thead><tr>"
                    + "<th>Unit</th><th>Object</th><th>Status</th><th>Message</th></tr></thead><tbody>");
            for (BuildPageModel.HealthRow row : model.getHealth()) {
                r.raw("<tr><td class=\"gitops-unit-id\">")
                        .text(row.getUnit())
                        .raw("</td><td><code>")
                        .text(row.getObject())
                        .raw("</code></td>");
                r.pillCell(row.getStatusClass(), row.getStatus());
                r.raw("<td class=\"gitops-message\">").text(row.getMessage()).raw("</td></tr>");
            }
            r.raw("</tbody></table></section>");
        }

        if (model.isHasEvents()) {
            r.raw("<section class=\"gitops-section\"><h2>Events</h2>"
                    + "<table class=\"jenkins-table gitops-table gitops-events\"><thead><tr>"
                    + "<th>At</th><th>Unit</th><th>Type</th><th>Reason</th><th>Message</th></tr></thead><tbody>");
            for (BuildPageModel.EventRow event : model.getEvents()) {
                r.raw("<tr class=\"").text(event.getSeverityClass()).raw("\">");
                r.raw("<td class=\"gitops-num\">").text(event.getAt()).raw("</td>");
                r.raw("<td class=\"gitops-unit-id\">").text(event.getUnit()).raw("</td>");
                r.raw("<td>").text(event.getSeverity()).raw("</td>");
                r.raw("<td>").text(event.getReason()).raw("</td>");
                r.raw("<td class=\"gitops-message\">").text(event.getMessage()).raw("</td></tr>");
            }
            r.raw("</tbody></table></section>");
        }

        r.raw("<section class=\"gitops-section\"><h2>Inventory</h2>");
        boolean first = true;
        for (BuildPageModel.InventorySection inventory : model.getInventories()) {
            // the screenshot opens the failed unit's inventory; in Jenkins the reader opens what they need
            boolean open = first && inventory.getStatusClass().equals("gitops-failed");
            r.raw("<details class=\"gitops-inventory ")
                    .text(inventory.getStatusClass())
                    .raw("\" id=\"")
                    .text(inventory.getAnchor())
                    .raw(open ? "\" open=\"open\">" : "\">");
            if (open) {
                first = false;
            }
            r.raw("<summary><span class=\"gitops-unit-id\">")
                    .text(inventory.getUnitId())
                    .raw("</span> <span class=\"gitops-muted\">")
                    .text(inventory.getCount())
                    .raw("</span></summary>");
            if (inventory.isHasEntries()) {
                r.raw("<table class=\"jenkins-table gitops-table jenkins-table--small\"><thead><tr>"
                        + "<th>Kind</th><th>Namespace</th><th>Name</th><th>Group</th><th>This run</th>"
                        + "</tr></thead><tbody>");
                for (BuildPageModel.InventoryRow entry : inventory.getEntries()) {
                    r.raw("<tr><td>").text(entry.getKind()).raw("</td>");
                    r.raw("<td>").text(entry.getNamespace()).raw("</td>");
                    r.raw("<td><code>").text(entry.getName()).raw("</code></td>");
                    r.raw("<td class=\"gitops-muted\">").text(entry.getGroup()).raw("</td>");
                    r.raw("<td><span class=\"gitops-action ")
                            .text(entry.getActionClass())
                            .raw("\">")
                            .text(entry.getAction())
                            .raw("</span></td></tr>");
                }
                r.raw("</tbody></table>");
            }
            r.raw("</details>");
        }
        r.raw("</section></div>");
        return r.close();
    }

    /** The job's GitOps page, as {@code GitOpsJobAction/index.jelly} draws it: one section per fleet. */
    static String jobPage(String job, List<JobPageModel> fleets, int historyLength) {
        StaticPageRenderer r = new StaticPageRenderer();
        r.open("GitOps", new String[] {"Dashboard", job, "GitOps"}, new String[] {
            "Status", "Changes", "Build Now", "Configure", "Delete Pipeline", "GitOps", "Pipeline Syntax"
        });
        r.raw("<div class=\"gitops-page\">");
        r.raw("<h1 class=\"gitops-title\">GitOps</h1>");
        if (fleets.isEmpty()) {
            r.raw("<p class=\"gitops-empty\">")
                    .text(JobPageModel.noRunsText(historyLength))
                    .raw("</p>");
        }
        for (JobPageModel model : fleets) {
            r.fleet(model);
        }
        r.raw("</div>");
        return r.close();
    }

    private void fleet(JobPageModel model) {
        raw("<section class=\"gitops-fleet\">");
        raw("<h2 class=\"gitops-fleet-title\"><span>Fleet ")
                .text(model.getFleet())
                .raw("</span><span class=\"gitops-fleet-path\">path ")
                .text(model.getPath())
                .raw("</span></h2>");
        raw("<div class=\"gitops-facts\"><dl>");
        raw("<dt>Latest run</dt><dd>")
                .dot(model.getLatestRunClass())
                .text(model.getLatestRun())
                .raw("</dd>");
        raw("<dt>Latest drift check</dt><dd>")
                .dot(model.getLatestDriftClass())
                .text(model.getLatestDrift())
                .raw("</dd>");
        raw("<dt>Revision</dt><dd><code>").text(model.getRevision()).raw("</code></dd>");
        raw("</dl></div>");

        raw("<section class=\"gitops-section\"><h3>Latest state per unit</h3>"
                + "<table class=\"jenkins-table gitops-table gitops-latest\"><thead><tr>"
                + "<th>Unit</th><th>Status</th><th>Reason</th><th>Health</th><th>Drift</th><th>Revision</th>"
                + "<th>Build</th></tr></thead><tbody>");
        for (JobPageModel.LatestUnit unit : model.getLatest()) {
            raw("<tr class=\"").text(unit.getStatusClass()).raw("\">");
            raw("<td class=\"gitops-unit-id\">")
                    .text(unit.getId())
                    .raw("<div class=\"gitops-muted\">")
                    .text(unit.getKind())
                    .raw("</div></td>");
            pillCell(unit.getStatusClass(), unit.getStatus());
            raw("<td class=\"gitops-reason\"><div>")
                    .text(unit.getReason())
                    .raw("</div><div class=\"gitops-message\">")
                    .text(unit.getMessage())
                    .raw("</div></td>");
            raw("<td>").dot(unit.getHealthClass()).text(unit.getHealth()).raw("</td>");
            raw("<td class=\"gitops-nowrap\" title=\"")
                    .text(unit.getDriftTitle())
                    .raw("\">")
                    .dot(unit.getDriftClass())
                    .text(unit.getDrift())
                    .raw("</td>");
            raw("<td><code>").text(unit.getRevision()).raw("</code></td>");
            raw("<td><a href=\"")
                    .text(unit.getBuildHref())
                    .raw("\">")
                    .text(unit.getBuild())
                    .raw("</a></td></tr>");
        }
        raw("</tbody></table></section>");

        raw("<section class=\"gitops-section\"><h3>Builds</h3>"
                + "<table class=\"jenkins-table gitops-table gitops-builds\"><thead><tr>"
                + "<th>Build</th><th>Started</th><th>Operation</th><th>Result</th><th>Units</th><th>Health</th>"
                + "<th>Drift</th><th>Revision</th><th>Duration</th></tr></thead><tbody>");
        for (JobPageModel.BuildRow build : model.getBuilds()) {
            raw("<tr><td><a href=\"")
                    .text(build.getHref())
                    .raw("\">")
                    .text(build.getNumber())
                    .raw("</a></td>");
            raw("<td class=\"gitops-nowrap\">").text(build.getWhen()).raw("</td>");
            raw("<td>").text(build.getOperation()).raw("</td>");
            pillCell(build.getResultClass(), build.getResult());
            raw("<td>").text(build.getCounts()).raw("</td>");
            raw("<td class=\"gitops-nowrap\">")
                    .dot(build.getHealthClass())
                    .text(build.getHealth())
                    .raw("</td>");
            raw("<td class=\"gitops-nowrap\">")
                    .dot(build.getDriftClass())
                    .text(build.getDrift())
                    .raw("</td>");
            raw("<td><code>").text(build.getRevision()).raw("</code></td>");
            raw("<td class=\"gitops-num\">").text(build.getDuration()).raw("</td></tr>");
        }
        raw("</tbody></table></section>");

        raw("<section class=\"gitops-section\"><h3>History</h3>"
                + "<table class=\"jenkins-table gitops-table gitops-history\"><thead><tr><th>Unit</th>");
        for (JobPageModel.BuildRow build : model.getHistoryColumns()) {
            raw("<th><a href=\"")
                    .text(build.getHref())
                    .raw("\">")
                    .text(build.getNumber())
                    .raw("</a><div class=\"gitops-muted\">")
                    .text(build.getOperation())
                    .raw("</div></th>");
        }
        raw("</tr></thead><tbody>");
        for (JobPageModel.HistoryRow row : model.getHistory()) {
            raw("<tr><td class=\"gitops-unit-id\">").text(row.getUnit()).raw("</td>");
            for (JobPageModel.HistoryCell cell : row.getCells()) {
                raw("<td class=\"gitops-cell ")
                        .text(cell.getCssClass())
                        .raw("\" title=\"")
                        .text(cell.getTitle())
                        .raw("\">")
                        .text(cell.getText())
                        .raw("</td>");
            }
            raw("</tr>");
        }
        raw("</tbody></table></section></section>");
    }

    private void open(String title, String[] breadcrumbs, String[] tasks) {
        raw(
                "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>");
        raw("<title>").text(title + " [Jenkins]").raw("</title>");
        raw("<style>").raw(resource("jenkins-shell.css")).raw("</style>");
        raw("<style>").raw(pluginCss()).raw("</style>");
        raw(
                "</head><body><header id=\"page-header\"><div class=\"logo\"><span class=\"logo-mark\"></span>Jenkins</div>");
        raw("<div class=\"search\">Search (CTRL+K)</div><div class=\"user\">admin</div></header>");
        raw("<div id=\"breadcrumbBar\">");
        for (int i = 0; i < breadcrumbs.length; i++) {
            if (i > 0) {
                raw("<span class=\"sep\">/</span>");
            }
            raw("<span>").text(breadcrumbs[i]).raw("</span>");
        }
        raw("</div><div id=\"page-body\"><div id=\"side-panel\">");
        for (String task : tasks) {
            raw(task.equals("GitOps") ? "<div class=\"task active\">" : "<div class=\"task\">")
                    .raw("<span class=\"icon\"></span>")
                    .text(task)
                    .raw("</div>");
        }
        raw("</div><div id=\"main-panel\">");
    }

    private String close() {
        raw("</div></div></body></html>\n");
        return out.toString();
    }

    private void fact(String name, String value) {
        raw("<dt>").text(name).raw("</dt><dd>").text(value).raw("</dd>");
    }

    private void pillCell(String css, String text) {
        raw("<td><span class=\"gitops-pill ").text(css).raw("\">").text(text).raw("</span></td>");
    }

    private StaticPageRenderer dot(String css) {
        return raw("<span class=\"gitops-dot ").text(css).raw("\"></span>");
    }

    private StaticPageRenderer raw(String markup) {
        out.append(markup);
        return this;
    }

    /** What Jelly's escape-by-default does to every ${...}. */
    private StaticPageRenderer text(String text) {
        out.append(Markup.escape(text));
        return this;
    }

    private static String pluginCss() {
        try {
            return Files.readString(PLUGIN_CSS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = StaticPageRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
