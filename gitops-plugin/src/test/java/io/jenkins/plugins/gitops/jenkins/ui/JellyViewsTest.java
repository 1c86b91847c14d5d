package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Jelly view of the plugin is well-formed and escapes by default; the pages match the static renderer. */
class JellyViewsTest {

    private static final String HEADER = "<?jelly escape-by-default='true'?>";
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path VIEWS = RESOURCES.resolve("io/jenkins/plugins/gitops/jenkins/action");
    private static final Pattern CLASS = Pattern.compile("class=\"([^\"]*)\"");
    private static final Pattern J_OUT = Pattern.compile("<j:out\\s+value=\"([^\"]*)\"");

    @Test
    void shouldParseEveryJellyFileAndEscapeByDefault() throws IOException {
        List<Path> views = jellyFiles();
        assertThat(views).isNotEmpty();
        for (Path view : views) {
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(text).as(view.toString()).startsWith(HEADER);
            try (InputStream in = Files.newInputStream(view)) {
                String root = Xml.parse(in).getDocumentElement().getTagName();
                // The plugin's description (index.jelly at the root) is an HTML fragment; views are Jelly.
                if (!view.getParent().equals(RESOURCES)) {
                    assertThat(root).as(view.toString()).isEqualTo("j:jelly");
                }
            }
        }
    }

    @Test
    void shouldPrintOnlyTheGeneratedGraphUnescaped() throws IOException {
        for (Path view : jellyFiles()) {
            Matcher out = J_OUT.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (out.find()) {
                assertThat(out.group(1)).as(view.toString()).isEqualTo("${model.graphSvg}");
            }
        }
    }

    @Test
    void shouldHaveTheViewsTheActionsUse() {
        assertThat(VIEWS.resolve("GitOpsRunAction/index.jelly")).exists();
        assertThat(VIEWS.resolve("GitOpsRunAction/summary.jelly")).exists();
        assertThat(VIEWS.resolve("GitOpsRunAction/badge.jelly")).exists();
        assertThat(VIEWS.resolve("GitOpsJobAction/index.jelly")).exists();
    }

    @Test
    void shouldUseTheSameFixedClassesAsTheStaticBuildPage() throws IOException {
        ReconcileReport run = PlatformRun.failedRun();
        // a plan error and a dry run, so that every optional part of the page is drawn
        ReconcileReport everything = new ReconcileReport(
                run.source(),
                run.revision(),
                run.path(),
                true,
                run.units(),
                run.events(),
                List.of("apps/broken: dependency cycle"),
                run.startedAtEpochMs(),
                run.durationMs());
        BuildPageModel model = BuildPageModel.of(everything, PlatformRun.graph());
        // drift with a unit that could not be compared; drawn with the run (corrected) and alone
        List<DriftReport.UnitDrift> units =
                new ArrayList<>(PlatformRun.drift(true).units());
        units.add(new DriftReport.UnitDrift("apps/broken", List.of(), "kustomize build failed"));
        DriftPageModel drift = DriftPageModel.of(new DriftReport(PlatformRun.OLD_REVISION, units));
        Set<String> drawn = new TreeSet<>();
        for (String html : List.of(
                StaticPageRenderer.buildPage("platform", 105, PlatformRun.FLEET, model, drift),
                StaticPageRenderer.buildPage("platform", 106, PlatformRun.FLEET, null, drift),
                StaticPageRenderer.buildPage("platform", 107, PlatformRun.FLEET, null, null))) {
            drawn.addAll(fixedClasses(html.substring(html.indexOf("<div class=\"gitops-page\">"))));
        }
        assertThat(drawn).containsAll(fixedClasses(Files.readString(VIEWS.resolve("GitOpsRunAction/index.jelly"))));
    }

    @Test
    void shouldUseTheSameFixedClassesAsTheStaticJobPage() throws IOException {
        // two fleets, and a job without any, so that every part of the page is drawn
        String fleets = StaticPageRenderer.jobPage(
                "platform",
                List.of(
                        JobPageModel.of(PlatformRun.FLEET, PlatformRun.history()),
                        JobPageModel.of("staging", PlatformRun.history())),
                30);
        String none = StaticPageRenderer.jobPage("platform", List.of(), 30);
        Set<String> drawn =
                new TreeSet<>(fixedClasses(fleets.substring(fleets.indexOf("<div class=\"gitops-page\">"))));
        drawn.addAll(fixedClasses(none.substring(none.indexOf("<div class=\"gitops-page\">"))));
        assertThat(drawn).containsAll(fixedClasses(Files.readString(VIEWS.resolve("GitOpsJobAction/index.jelly"))));
    }

    /** Class names written literally (not from ${...}), minus the SVG's. */
    private static Set<String> fixedClasses(String markup) {
        Set<String> classes = new TreeSet<>();
        Matcher m = CLASS.matcher(markup.replaceAll("(?s)<svg.*?</svg>", ""));
        while (m.find()) {
            for (String name : m.group(1).split("\\s+")) {
                if (!name.isEmpty() && !name.contains("$") && !name.contains("{") && !name.contains("}")) {
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    private static List<Path> jellyFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /** Stapler finds a class's views in the resource folder named after the class: each must exist. */
    @Test
    void shouldKeepEveryViewFolderBesideAnExistingClass() throws Exception {
        List<Path> folders;
        try (var files = Files.walk(RESOURCES)) {
            folders = files.filter(p -> p.toString().endsWith(".jelly"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(p -> !p.equals(RESOURCES))
                    .toList();
        }
        assertThat(folders).isNotEmpty();
        for (Path folder : folders) {
            String className = RESOURCES.relativize(folder).toString().replace('/', '.');
            assertThat(Class.forName(className)).as(folder.toString()).isNotNull();
        }
    }
}
