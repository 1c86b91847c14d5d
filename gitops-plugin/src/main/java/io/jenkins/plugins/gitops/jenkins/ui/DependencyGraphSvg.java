package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the plan's dependency graph as a standalone SVG document: one column per wave (units that
 * could not be ordered last), one box per unit coloured by its status in the run, solid arrows for
 * {@code dependsOn} and dashed ones from a parent to the units it renders. Every text written is
 * escaped with {@link Markup#escape}, so the result is safe to print unescaped in a view.
 */
public final class DependencyGraphSvg {

    static final int NODE_WIDTH = 200;
    static final int NODE_HEIGHT = 46;
    static final int COLUMN_GAP = 56;
    static final int ROW_GAP = 14;
    static final int MARGIN = 16;
    static final int HEADER = 30;
    static final int LEGEND = 40;
    static final int MIN_WIDTH = 660;
    private static final int NAME_CHARS = 24;
    private static final String FONT =
            "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
    private static final String EDGE_COLOUR = "#7b8494";

    private DependencyGraphSvg() {}

    /** The graph with each unit's status taken from the report; units the report lacks are drawn "not run". */
    public static String render(List<UnitNode> graph, ReconcileReport report) {
        Map<String, UnitStatus> statuses = new LinkedHashMap<>();
        List<UnitNode> nodes = new ArrayList<>(graph);
        List<String> known = graph.stream().map(UnitNode::id).toList();
        for (UnitReport unit : report.units()) {
            statuses.put(unit.id(), unit.status());
            if (!known.contains(unit.id())) {
                nodes.add(new UnitNode(unit.id(), unit.kind(), null, List.of(), null));
            }
        }
        return render(nodes, statuses);
    }

    /** The graph with the given statuses (by unit id); a missing status draws the unit "not run". */
    public static String render(List<UnitNode> graph, Map<String, UnitStatus> statuses) {
        Layout layout = Layout.of(graph);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gitops-graph\" role=\"img\"")
                .append(" width=\"")
                .append(layout.width)
                .append("\" height=\"")
                .append(layout.height)
                .append("\" viewBox=\"0 0 ")
                .append(layout.width)
                .append(' ')
                .append(layout.height)
                .append("\" font-family=\"")
                .append(Markup.escape(FONT))
                .append("\" font-size=\"12\">")
                .append("<title>Dependency graph: ")
                .append(Texts.plural(graph.size(), "unit", "units"))
                .append(" in ")
                .append(Texts.plural(layout.columns.size(), "column", "columns"))
                .append("</title>")
                .append("<defs><marker id=\"gitops-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"")
                .append(EDGE_COLOUR)
                .append("\"/></marker></defs>");
        headers(svg, layout);
        for (UnitNode node : graph) {
            for (String dependency : node.dependsOn()) {
                edge(svg, layout, dependency, node.id(), false);
            }
            if (node.parent() != null) {
                edge(svg, layout, node.parent(), node.id(), true);
            }
        }
        for (UnitNode node : graph) {
            node(svg, layout, node, statuses.get(node.id()));
        }
        legend(svg, layout);
        return svg.append("</svg>").toString();
    }

    private static void headers(StringBuilder svg, Layout layout) {
        int column = 0;
        for (Map.Entry<Integer, List<UnitNode>> entry : layout.columns.entrySet()) {
            int x = Layout.x(column++);
            String label = entry.getKey() == Layout.UNORDERED ? "Not ordered (cycle)" : "Wave " + entry.getKey();
            svg.append("<text class=\"gitops-graph-wave\" x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(MARGIN + 14)
                    .append("\" font-weight=\"600\" fill=\"#4a5160\">")
                    .append(Markup.escape(label))
                    .append("</text>");
            svg.append("<line x1=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(MARGIN + 21)
                    .append("\" x2=\"")
                    .append(x + NODE_WIDTH)
                    .append("\" y2=\"")
                    .append(MARGIN + 21)
                    .append("\" stroke=\"#d7dbe0\" stroke-width=\"1\"/>");
        }
    }

    private static void edge(StringBuilder svg, Layout layout, String fromId, String toId, boolean parent) {
        int[] from = layout.positions.get(fromId);
        int[] to = layout.positions.get(toId);
        if (from == null || to == null) {
            return; // a dependency outside the graph (missing unit) has no box to start from
        }
        int fromY = from[1] + NODE_HEIGHT / 2;
        int toY = to[1] + NODE_HEIGHT / 2;
        String d;
        if (from[0] == to[0]) {
            int x = from[0] + NODE_WIDTH;
            int bulge = x + 28 + Math.min(40, Math.abs(toY - fromY) / 6);
            d = "M " + x + " " + fromY + " C " + bulge + " " + fromY + ", " + bulge + " " + toY + ", " + (x + 2) + " "
                    + toY;
        } else if (from[0] < to[0]) {
            int x1 = from[0] + NODE_WIDTH;
            int x2 = to[0] - 2;
            int mid = (x1 + x2) / 2;
            d = "M " + x1 + " " + fromY + " C " + mid + " " + fromY + ", " + mid + " " + toY + ", " + x2 + " " + toY;
        } else {
            int x1 = from[0];
            int x2 = to[0] + NODE_WIDTH + 2;
            int mid = (x1 + x2) / 2;
            d = "M " + x1 + " " + fromY + " C " + mid + " " + fromY + ", " + mid + " " + toY + ", " + x2 + " " + toY;
        }
        svg.append("<path class=\"")
                .append(parent ? "gitops-edge-parent" : "gitops-edge-depends")
                .append("\" d=\"")
                .append(d)
                .append("\" fill=\"none\" stroke=\"")
                .append(EDGE_COLOUR)
                .append("\" stroke-width=\"1.4\"")
                .append(parent ? " stroke-dasharray=\"5 4\"" : "")
                .append(" marker-end=\"url(#gitops-arrow)\"><title>")
                .append(Markup.escape(parent ? fromId + " renders " + toId : toId + " depends on " + fromId))
                .append("</title></path>");
    }

    private static void node(StringBuilder svg, Layout layout, UnitNode node, UnitStatus status) {
        int[] at = layout.positions.get(node.id());
        StatusStyle style = StatusStyle.of(status);
        String word = status == null ? "Not run" : status.toString();
        String id = node.id();
        int slash = id.lastIndexOf('/');
        String name = slash < 0 ? id : id.substring(slash + 1);
        String namespace = slash < 0 ? "" : id.substring(0, slash);
        String detail = (namespace.isEmpty() ? "" : namespace + " \u00b7 ") + word;
        int x = at[0];
        int y = at[1];
        svg.append("<g class=\"gitops-node ")
                .append(style.cssClass())
                .append("\" data-status=\"")
                .append(Markup.escape(word))
                .append("\"><title>")
                .append(Markup.escape(id + " (" + (node.kind() == null ? "unit" : node.kind()) + "): " + word))
                .append("</title>");
        svg.append("<rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(NODE_WIDTH)
                .append("\" height=\"")
                .append(NODE_HEIGHT)
                .append("\" rx=\"6\" fill=\"")
                .append(style.fill())
                .append("\" stroke=\"")
                .append(style.stroke())
                .append("\" stroke-width=\"1.5\"")
                .append(status == null ? " stroke-dasharray=\"4 3\"" : "")
                .append("/>");
        svg.append("<circle cx=\"")
                .append(x + 16)
                .append("\" cy=\"")
                .append(y + NODE_HEIGHT / 2)
                .append("\" r=\"6\" fill=\"")
                .append(style.stroke())
                .append("\"/>");
        svg.append("<text x=\"")
                .append(x + 30)
                .append("\" y=\"")
                .append(y + 19)
                .append("\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2329\">")
                .append(Markup.escape(shorten(name, NAME_CHARS)))
                .append("</text>");
        svg.append("<text x=\"")
                .append(x + 30)
                .append("\" y=\"")
                .append(y + 36)
                .append("\" font-size=\"11\" fill=\"#5a6270\">")
                .append(Markup.escape(shorten(detail, NAME_CHARS + 6)))
                .append("</text></g>");
    }

    private static void legend(StringBuilder svg, Layout layout) {
        int y = layout.height - MARGIN - 8;
        int x = MARGIN;
        for (UnitStatus status : UnitStatus.values()) {
            x = legendDot(svg, x, y, StatusStyle.of(status), status.toString());
        }
        x = legendDot(svg, x, y, StatusStyle.NOT_RUN, "Not run");
        x = legendLine(svg, x + 8, y, false, "depends on");
        legendLine(svg, x, y, true, "renders");
    }

    private static int legendDot(StringBuilder svg, int x, int y, StatusStyle style, String label) {
        svg.append("<circle cx=\"")
                .append(x + 5)
                .append("\" cy=\"")
                .append(y - 4)
                .append("\" r=\"5\" fill=\"")
                .append(style.stroke())
                .append("\"/>")
                .append("<text x=\"")
                .append(x + 14)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"11\" fill=\"#4a5160\">")
                .append(Markup.escape(label))
                .append("</text>");
        return x + 22 + label.length() * 7;
    }

    private static int legendLine(StringBuilder svg, int x, int y, boolean dashed, String label) {
        svg.append("<line x1=\"")
                .append(x)
                .append("\" y1=\"")
                .append(y - 4)
                .append("\" x2=\"")
                .append(x + 26)
                .append("\" y2=\"")
                .append(y - 4)
                .append("\" stroke=\"")
                .append(EDGE_COLOUR)
                .append("\" stroke-width=\"1.4\"")
                .append(dashed ? " stroke-dasharray=\"5 4\"" : "")
                .append(" marker-end=\"url(#gitops-arrow)\"/>")
                .append("<text x=\"")
                .append(x + 34)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"11\" fill=\"#4a5160\">")
                .append(Markup.escape(label))
                .append("</text>");
        return x + 44 + label.length() * 7;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Where each unit's box goes: columns by wave, rows in plan order. */
    private static final class Layout {
        static final int UNORDERED = Integer.MAX_VALUE;

        final Map<Integer, List<UnitNode>> columns = new TreeMap<>();
        final Map<String, int[]> positions = new LinkedHashMap<>();
        int width;
        int height;

        static Layout of(List<UnitNode> graph) {
            Layout layout = new Layout();
            for (UnitNode node : graph) {
                int key = node.wave() == null ? UNORDERED : node.wave();
                layout.columns.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
            }
            int column = 0;
            int rows = 0;
            for (List<UnitNode> nodes : layout.columns.values()) {
                int row = 0;
                for (UnitNode node : nodes) {
                    layout.positions.putIfAbsent(node.id(), new int[] {x(column), y(row++)});
                }
                rows = Math.max(rows, row);
                column++;
            }
            int columns = Math.max(1, layout.columns.size());
            layout.width = Math.max(MIN_WIDTH, 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP + 40);
            layout.height = 2 * MARGIN + HEADER + Math.max(0, rows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP) + LEGEND;
            return layout;
        }

        static int x(int column) {
            return MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
        }

        static int y(int row) {
            return MARGIN + HEADER + row * (NODE_HEIGHT + ROW_GAP);
        }
    }
}
