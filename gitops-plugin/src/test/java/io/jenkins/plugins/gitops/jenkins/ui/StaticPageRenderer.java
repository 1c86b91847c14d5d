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

    /** The build's GitOps page of a run without a drift check. */
    static String buildPage(String job, int build, BuildPageModel model) {
        return buildPage(job, build, null, model, null);
    }

    /**
     * The build's GitOps page, as {@code GitOpsRunAction/index.jelly} draws it: the run, the drift
     * check, or both (the run's header, the drift found, then the rest of the run).
     *
     * @param fleet the fleet's name, the title when there is no run
     * @param model the run's page, or null
     * @param drift the drift check's page, or null
     */
    static String buildPage(String job, int build, String fleet, BuildPageModel model, DriftPageModel drift) {
        StaticPageRenderer r = new StaticPageRenderer();
        String title = BuildPageModel.title(model, fleet);
        r.open(title, new String[] {"Dashboard", job, "#" + build, "GitOps"}, new String[] {
            "Status", "Changes", "Console Output", "Edit Build Information", "Delete build", "GitOps", "Previous Build"
        });
        r.raw("<div class=\"gitops-page\">");
        if (model != null) {
            r.runHeader(title, model.getSummary());
        } else if (drift != null) {
            r.titleAndHeadline(title, drift.getResultClass(), drift.getResult(), drift.getHeadline());
        } else {
            r.raw("<h1 class=\"gitops-title\">").text(title).raw("</h1>");
            r.raw("<p class=\"gitops-empty\">This run stored no report.</p>");
        }
        if (drift != null) {
            r.drift(drift, model != null);
        }
        if (model != null) {
            r.runSections(model);
        }
        r.raw("</div>");
        return r.close();
    }

    private void titleAndHeadline(String title, String resultClass, String result, String headline) {
        raw("<h1 class=\"gitops-title\"><span class=\"gitops-pill ")
                .text(resultClass)
                .raw("\">")
                .text(result)
                .raw("</span> ")
                .text(title)
                .raw("</h1>");
        raw("<p class=\"gitops-headline\">").text(headline).raw("</p>");
    }

    private void runHeader(String title, BuildPageModel.Summary summary) {
        titleAndHeadline(title, summary.getResultClass(), summary.getResult(), summary.getHeadline());
        raw("<div class=\"gitops-facts\"><dl>");
        fact("Source", summary.getSource());
        raw("<dt>Revision</dt><dd><code title=\"")
                .text(summary.getRevision())
                .raw("\">")
                .text(summary.getShortRevision())
                .raw("</code></dd>");
        fact("Started", summary.getStartedAt());
        fact("Duration", summary.getDuration());
        if (summary.isDryRun()) {
            fact("Mode", "dry run: nothing was written to the cluster");
        }
        raw("</dl>");
        counts(summary.getCounts());
        raw("</div>");
        if (summary.isHasErrors()) {
            raw("<div class=\"gitops-errors\"><h2>Plan errors</h2><ul>");
            summary.getErrors().forEach(e -> raw("<li>").text(e).raw("</li>"));
            raw("</ul></div>");
        }
    }

    private void counts(List<BuildPageModel.StatusCount> counts) {
        raw("<ul class=\"gitops-counts\">");
        for (BuildPageModel.StatusCount count : counts) {
            raw("<li class=\"gitops-count ")
                    .text(count.getStatusClass())
                    .raw(" gitops-zero-")
                    .text(String.valueOf(count.isZero()))
                    .raw("\"><span class=\"gitops-count-number\">")
                    .text(String.valueOf(count.getCount()))
                    .raw("</span><span class=\"gitops-count-label\">")
                    .text(count.getStatus())
                    .raw("</span></li>");
        }
        raw("</ul>");
    }

    private void drift(DriftPageModel drift, boolean corrected) {
        raw("<section class=\"gitops-section gitops-drift\"><h2>Drift check</h2>");
        if (corrected) {
            raw("<p class=\"gitops-drift-corrected\">")
                    .dot(drift.getResultClass())
                    .text(drift.getHeadline())
                    .raw("; this build corrected it by re-applying the fleet.</p>");
        }
        raw("<div class=\"gitops-facts\"><dl>");
        raw("<dt>Revision</dt><dd><code title=\"")
                .text(drift.getRevision())
                .raw("\">")
                .text(drift.getShortRevision())
                .raw("</code></dd>");
        fact("Compared", drift.getCompared());
        raw("</dl>");
        counts(drift.getCounts());
        raw("</div>");
        raw("<table class=\"jenkins-table gitops-table gitops-drift-units\"><thead><tr>"
                + "<th>Unit</th><th>Drift</th><th>Compared</th><th>Drifted objects</th></tr></thead><tbody>");
        for (DriftPageModel.UnitRow unit : drift.getUnits()) {
            raw("<tr class=\"").text(unit.getStatusClass()).raw("\">");
            raw("<td class=\"gitops-unit-id\">").text(unit.getId()).raw("</td>");
            pillCell(unit.getStatusClass(), unit.getStatus());
            raw("<td class=\"gitops-num\">").text(unit.getCompared()).raw("</td><td>");
            for (DriftPageModel.DriftedObject object : unit.getObjects()) {
                raw("<div class=\"gitops-drift-object\"><a href=\"#")
                        .text(object.getAnchor())
                        .raw("\"><code>")
                        .text(object.getObject())
                        .raw("</code></a>")
                        .action(object.getActionClass(), object.getAction())
                        .raw("</div>");
            }
            if (unit.isHasError()) {
                raw("<div class=\"gitops-message\">").text(unit.getError()).raw("</div>");
            }
            raw("</td></tr>");
        }
        raw("</tbody></table>");
        if (drift.isHasObjects()) {
            raw("<h3>Diffs</h3><p class=\"gitops-muted\">Lines starting with - are in the cluster, lines starting"
                    + " with + in Git; Secret values are masked.</p>");
            for (DriftPageModel.DriftedObject object : drift.getObjects()) {
                raw("<details class=\"gitops-diff\" id=\"")
                        .text(object.getAnchor())
                        .raw("\" open=\"open\"><summary class=\"gitops-diff-head\"><span class=\"gitops-unit-id\">")
                        .text(object.getUnit())
                        .raw("</span><code>")
                        .text(object.getObject())
                        .raw("</code>")
                        .action(object.getActionClass(), object.getAction())
                        .raw("</summary>");
                if (object.isHasLines()) {
                    // no whitespace between the lines: Jelly drops it, the CSS makes each line a block
                    raw("<pre class=\"gitops-diff-text\">");
                    for (DriftPageModel.DiffLine line : object.getLines()) {
                        raw("<span class=\"")
                                .text(line.getCssClass())
                                .raw("\">")
                                .text(line.getText())
                                .raw("</span>");
                    }
                    raw("</pre>");
                }
                raw("</details>");
            }
        }
        raw("</section>");
    }

    private void runSections(BuildPageModel model) {
        raw("<section class=\"gitops-section\"><h2>Dependency graph</h2><div class=\"gitops-graph-box\">")
                .raw(model.getGraphSvg())
                .raw("</div></section>");

        raw("<section class=\"gitops-section\"><h2>Units</h2>"
                + "<table class=\"jenkins-table gitops-table gitops-units\"><thead><tr>"
                + "<th>Unit</th><th>Wave</th><th>Status</th><th>Reason</th><th>Changes</th><th>Revision</th>"
                + "<th>Duration</th></tr></thead><tbody>");
        for (BuildPageModel.UnitRow unit : model.getUnits()) {
            raw("<tr class=\"").text(unit.getStatusClass()).raw("\">");
            raw("<td class=\"gitops-unit-id\"><a href=\"#")
                    .text(unit.getAnchor())
                    .raw("\">")
                    .text(unit.getId())
                    .raw("</a><div class=\"gitops-muted\">")
                    .text(unit.getKind())
                    .raw("</div></td>");
            raw("<td class=\"gitops-num\">").text(unit.getWave()).raw("</td>");
            pillCell(unit.getStatusClass(), unit.getStatus());
            raw("<td class=\"gitops-reason\"><div>")
                    .text(unit.getReason())
                    .raw("</div><div class=\"gitops-message\">")
                    .text(unit.getMessage())
                    .raw("</div></td>");
            raw("<td>").text(unit.getChanges()).raw("</td>");
            raw("<td><code title=\"")
                    .text(unit.getRevision())
                    .raw("\">")
                    .text(unit.getShortRevision())
                    .raw("</code></td>");
            raw("<td class=\"gitops-num\">").text(unit.getDuration()).raw("</td></tr>");
        }
        raw("</tbody></table></section>");

        if (model.isHasHealth()) {
            raw("<section class=\"gitops-section\"><h2>Health</h2>"
                    + "<table class=\"jenkins-table gitops-table gitops-health\"><thead><tr>"
                    + "<th>Unit</th><th>Object</th><th>Status</th><th>Message</th></tr></thead><tbody>");
            for (BuildPageModel.HealthRow row : model.getHealth()) {
                raw("<tr><td class=\"gitops-unit-id\">")
                        .text(row.getUnit())
                        .raw("</td><td><code>")
                        .text(row.getObject())
                        .raw("</code></td>");
                pillCell(row.getStatusClass(), row.getStatus());
                raw("<td class=\"gitops-message\">").text(row.getMessage()).raw("</td></tr>");
            }
            raw("</tbody></table></section>");
        }

        if (model.isHasEvents()) {
            raw("<section class=\"gitops-section\"><h2>Events</h2>"
                    + "<table class=\"jenkins-table gitops-table gitops-events\"><thead><tr>"
                    + "<th>At</th><th>Unit</th><th>Type</th><th>Reason</th><th>Message</th></tr></thead><tbody>");
            for (BuildPageModel.EventRow event : model.getEvents()) {
                raw("<tr class=\"").text(event.getSeverityClass()).raw("\">");
                raw("<td class=\"gitops-num\">").text(event.getAt()).raw("</td>");
                raw("<td class=\"gitops-unit-id\">").text(event.getUnit()).raw("</td>");
                raw("<td>").text(event.getSeverity()).raw("</td>");
                raw("<td>").text(event.getReason()).raw("</td>");
                raw("<td class=\"gitops-message\">").text(event.getMessage()).raw("</td></tr>");
            }
            raw("</tbody></table></section>");
        }

        raw("<section class=\"gitops-section\"><h2>Inventory</h2>");
        boolean first = true;
        for (BuildPageModel.InventorySection inventory : model.getInventories()) {
            // the screenshot opens the failed unit's inventory; in Jenkins the reader opens what they need
            boolean open = first && inventory.getStatusClass().equals("gitops-failed");
            raw("<details class=\"gitops-inventory ")
                    .text(inventory.getStatusClass())
                    .raw("\" id=\"")
                    .text(inventory.getAnchor())
                    .raw(open ? "\" open=\"open\">" : "\">");
            if (open) {
                first = false;
            }
            raw("<summary><span class=\"gitops-unit-id\">")
                    .text(inventory.getUnitId())
                    .raw("</span> <span class=\"gitops-muted\">")
                    .text(inventory.getCount())
                    .raw("</span></summary>");
            if (inventory.isHasEntries()) {
                raw("<table class=\"jenkins-table gitops-table jenkins-table--small\"><thead><tr>"
                        + "<th>Kind</th><th>Namespace</th><th>Name</th><th>Group</th><th>This run</th>"
                        + "</tr></thead><tbody>");
                for (BuildPageModel.InventoryRow entry : inventory.getEntries()) {
                    raw("<tr><td>").text(entry.getKind()).raw("</td>");
                    raw("<td>").text(entry.getNamespace()).raw("</td>");
                    raw("<td><code>").text(entry.getName()).raw("</code></td>");
                    raw("<td class=\"gitops-muted\">").text(entry.getGroup()).raw("</td>");
                    raw("<td><span class=\"gitops-action ")
                            .text(entry.getActionClass())
                            .raw("\">")
                            .text(entry.getAction())
                            .raw("</span></td></tr>");
                }
                raw("</tbody></table>");
            }
            raw("</details>");
        }
        raw("</section>");
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

    private StaticPageRenderer action(String css, String text) {
        return raw("<span class=\"gitops-action ")
                .text(css)
                .raw("\">")
                .text(text)
                .raw("</span>");
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
