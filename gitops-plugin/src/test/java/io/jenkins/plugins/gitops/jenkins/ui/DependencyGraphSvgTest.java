package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DependencyGraphSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void shouldBeWellFormedSvg() {
        Document doc = Xml.parse(DependencyGraphSvg.render(PlatformRun.graph(), PlatformRun.failedRun()));

        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getAttribute("viewBox"))
                .isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
        assertThat(nodes(doc)).hasSize(PlatformRun.graph().size());
    }

    @Test
    void shouldPutEachWaveInItsOwnColumn() {
        Document doc = Xml.parse(DependencyGraphSvg.render(PlatformRun.graph(), PlatformRun.failedRun()));

        Map<String, String> columnOf = new HashMap<>();
        for (Element node : nodes(doc)) {
            columnOf.put(unitOf(node), rect(node).getAttribute("x"));
        }
        int step = DependencyGraphSvg.NODE_WIDTH + DependencyGraphSvg.COLUMN_GAP;
        for (UnitNode unit : PlatformRun.graph()) {
            assertThat(Integer.parseInt(columnOf.get(unit.id())))
                    .as(unit.id())
                    .isEqualTo(DependencyGraphSvg.MARGIN + unit.wave() * step);
        }
        assertThat(texts(doc, "gitops-graph-wave")).containsExactly("Wave 0", "Wave 1", "Wave 2", "Wave 3", "Wave 4");
    }

    @Test
    void shouldStackUnitsOfAWaveInPlanOrder() {
        Document doc = Xml.parse(DependencyGraphSvg.render(PlatformRun.graph(), PlatformRun.failedRun()));

        Map<String, Integer> y = new LinkedHashMap<>();
        nodes(doc).forEach(n -> y.put(unitOf(n), Integer.parseInt(rect(n).getAttribute("y"))));
        assertThat(y.get("flux-system/namespaces")).isLessThan(y.get("flux-system/crds"));
        assertThat(y.get("flux-system/cert-operator")).isLessThan(y.get("flux-system/ingress"));
        assertThat(y.get("flux-system/ingress")).isLessThan(y.get("flux-system/monitoring"));
    }

    @Test
    void shouldColourBoxesByStatus() {
        Document doc = Xml.parse(DependencyGraphSvg.render(PlatformRun.graph(), PlatformRun.failedRun()));

        Map<String, Element> byUnit = new HashMap<>();
        nodes(doc).forEach(n -> byUnit.put(unitOf(n), n));
        assertThat(rect(byUnit.get("flux-system/namespaces")).getAttribute("stroke"))
                .isEqualTo(StatusStyle.READY.stroke());
        assertThat(rect(byUnit.get("flux-system/cert-operator")).getAttribute("stroke"))
                .isEqualTo(StatusStyle.FAILED.stroke());
        assertThat(rect(byUnit.get("flux-system/security")).getAttribute("stroke"))
                .isEqualTo(StatusStyle.SKIPPED.stroke());
        assertThat(byUnit.get("flux-system/cert-operator").getAttribute("class"))
                .isEqualTo("gitops-node gitops-failed");
        assertThat(byUnit.get("flux-system/cert-operator").getAttribute("data-status"))
                .isEqualTo("Failed");

        String suspended = DependencyGraphSvg.render(
                List.of(new UnitNode("a/paused", "Kustomization", 0, List.of(), null)),
                Map.of("a/paused", UnitStatus.SUSPENDED));
        Element paused = nodes(Xml.parse(suspended)).get(0);
        assertThat(rect(paused).getAttribute("stroke"))
                .isEqualTo(StatusStyle.SUSPENDED.stroke())
                .isEqualTo("#e0a800");
        assertThat(StatusStyle.READY.stroke()).isEqualTo("#1ea64b");
        assertThat(StatusStyle.FAILED.stroke()).isEqualTo("#e6001f");
    }

    @Test
    void shouldDrawDependsOnSolidAndParentToChildDashed() {
        Document doc = Xml.parse(DependencyGraphSvg.render(PlatformRun.graph(), PlatformRun.failedRun()));

        List<Element> depends = byClass(doc, "path", "gitops-edge-depends");
        List<Element> parents = byClass(doc, "path", "gitops-edge-parent");
        long dependsOn = PlatformRun.graph().stream()
                .mapToLong(u -> u.dependsOn().size())
                .sum();
        long children =
                PlatformRun.graph().stream().filter(u -> u.parent() != null).count();
        assertThat(depends).hasSize((int) dependsOn).allSatisfy(e -> assertThat(e.hasAttribute("stroke-dasharray"))
                .isFalse());
        assertThat(parents).hasSize((int) children).allSatisfy(e -> assertThat(e.getAttribute("stroke-dasharray"))
                .isNotEmpty());
        assertThat(titleOf(parents.get(0)))
                .isEqualTo("flux-system/monitoring renders monitoring/kube-prometheus-stack");
    }

    @Test
    void shouldSkipEdgesToUnitsOutsideTheGraph() {
        String svg = DependencyGraphSvg.render(
                List.of(new UnitNode("a/b", "Kustomization", 1, List.of("a/missing"), "a/root")), Map.of());
        assertThat(byClass(Xml.parse(svg), "path", "gitops-edge-depends")).isEmpty();
        assertThat(svg).contains("Not run");
    }

    @Test
    void shouldEscapeHostileNamesAndStayWellFormed() {
        String hostile = "evil/<script>alert(\"x\")</script>&'\u0000\u0007";
        List<UnitNode> graph = new ArrayList<>();
        graph.add(new UnitNode("ns/ok", "Kustomization", 0, List.of(), null));
        graph.add(new UnitNode(hostile, "<Kind>", 1, List.of("ns/ok"), "ns/ok"));
        String svg = DependencyGraphSvg.render(graph, Map.of(hostile, UnitStatus.FAILED));

        assertThat(svg).doesNotContain("<script").doesNotContain("\u0000");
        Document doc = Xml.parse(svg);
        Element node = nodes(doc).get(1);
        assertThat(titleOf(node))
                .startsWith("evil/<script>alert(\"x\")</script>&'")
                .contains("(<Kind>)");
        assertThat(doc.getElementsByTagNameNS(SVG, "script").getLength()).isZero();
    }

    @Test
    void shouldShortenLongNamesButKeepThemInTheTooltip() {
        String id = "flux-system/" + "very-long-unit-name-".repeat(4);
        Document doc = Xml.parse(DependencyGraphSvg.render(
                List.of(new UnitNode(id, "Kustomization", 0, List.of(), null)), Map.of(id, UnitStatus.READY)));
        Element node = nodes(doc).get(0);
        assertThat(node.getElementsByTagNameNS(SVG, "text").item(0).getTextContent())
                .endsWith("\u2026")
                .hasSize(24);
        assertThat(titleOf(node)).startsWith(id);
    }

    private static List<Element> nodes(Document doc) {
        return byClass(doc, "g", "gitops-node");
    }

    private static List<Element> byClass(Document doc, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS(SVG, tag);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> texts(Document doc, String cssClass) {
        return byClass(doc, "text", cssClass).stream()
                .map(Element::getTextContent)
                .toList();
    }

    private static Element rect(Element node) {
        return (Element) node.getElementsByTagNameNS(SVG, "rect").item(0);
    }

    private static String titleOf(Element element) {
        return element.getElementsByTagNameNS(SVG, "title").item(0).getTextContent();
    }

    private static String unitOf(Element node) {
        String title = titleOf(node);
        return title.substring(0, title.indexOf(" ("));
    }
}
