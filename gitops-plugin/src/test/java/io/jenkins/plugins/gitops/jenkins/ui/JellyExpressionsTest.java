package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.jenkins.action.GitOpsJobAction;
import io.jenkins.plugins.gitops.jenkins.action.GitOpsRunAction;
import io.jenkins.plugins.gitops.jenkins.config.GitOpsGlobalConfiguration;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsApplyStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsPlanStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ${…}} of every Jelly view names something that exists, with the types Stapler's JEXL
 * would see; Jenkins itself would print a misspelt name as nothing. See {@link JellyExpressionChecker}.
 */
class JellyExpressionsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String JELLY = "<?jelly escape-by-default='true'?>\n"
            + "<j:jelly xmlns:j=\"jelly:core\" xmlns:st=\"jelly:stapler\" xmlns:f=\"/lib/form\""
            + " xmlns:c=\"/lib/credentials\">%s</j:jelly>";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> LITERALS = Set.of("null", "true", "false", "empty", "not", "and", "or");
    private static final Pattern FIELD = Pattern.compile("\\sfield=\"([^\"]*)\"");

    @Test
    void shouldResolveEveryExpressionOfEveryView() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        int chains = 0;
        List<Path> views = views();
        for (Path view : views) {
            String name = RESOURCES.relativize(view).toString().replace('\\', '/');
            String text = Files.readString(view, StandardCharsets.UTF_8);
            JellyExpressionChecker.Result result = JellyExpressionChecker.check(name, text, ViewRoots.forView(name));
            result.problems().forEach(p -> problems.add(p.toString()));
            if (text.contains("${") && result.chains() == 0) {
                unread.add(name);
            }
            chains += result.chains();
        }

        assertThat(problems)
                .as("names in the views that do not resolve:%n%s", String.join("\n", problems))
                .isEmpty();
        assertThat(unread)
                .as("views with expressions of which none was checked")
                .isEmpty();
        assertThat(views).hasSizeGreaterThanOrEqualTo(13);
        assertThat(chains).isGreaterThan(200);
    }

    /**
     * No name of a view goes unchecked (behind an unknown type, say): each misspelt in turn, one at a
     * time, is reported.
     */
    @Test
    void shouldCatchAMisspellingOfAnyNameInTheViews() throws IOException {
        List<String> missed = new ArrayList<>();
        int mutants = 0;
        for (Path view : views()) {
            String name = RESOURCES.relativize(view).toString().replace('\\', '/');
            String text = Files.readString(view, StandardCharsets.UTF_8);
            ViewRoots roots = ViewRoots.forView(name);
            for (int at : namePositions(text)) {
                String mutant = text.substring(0, at) + "Typo" + text.substring(at);
                mutants++;
                if (JellyExpressionChecker.check(name, mutant, roots).problems().isEmpty()) {
                    missed.add(name + ": " + text.substring(text.lastIndexOf("${", at), at) + "Typo");
                }
            }
        }

        assertThat(missed).as("misspellings nobody noticed").isEmpty();
        assertThat(mutants).isGreaterThan(250);
    }

    @Test
    void shouldReportAMisspeltPropertyAndAWrongPropertyOfALoopVariable() {
        String snippet =
                """
                <h1>${it.model.sumary.path}</h1>
                <j:forEach var="unit" items="${it.model.units}">
                  <td class="${unit.statusClass}">${unit.name}</td>
                </j:forEach>
                """;

        List<JellyExpressionChecker.Problem> problems =
                check(snippet, ViewRoots.of(GitOpsRunAction.class, "index.jelly"));

        assertThat(problems)
                .extracting(JellyExpressionChecker.Problem::chain)
                .containsExactly("it.model.sumary", "unit.name");
        assertThat(problems.get(0).expression()).isEqualTo("${it.model.sumary.path}");
        assertThat(problems.get(0).reason()).startsWith("BuildPageModel has no public getSumary()");
        assertThat(problems.get(1).reason()).startsWith("BuildPageModel.UnitRow has no public getName()");
        assertThat(problems.get(1).toString()).startsWith("snippet.jelly: ${unit.name}: unit.name: ");
    }

    @Test
    void shouldReportAnUnknownVariableButNotTheOnesJenkinsProvides() {
        String snippet =
                """
                <link href="${resURL}/plugin/gitops/css/gitops.css"/>
                <a href="${rootURL}/${it.urlName}">${h.escape(it.title)}</a>
                <p>${modle.summary}</p>
                """;

        List<JellyExpressionChecker.Problem> problems =
                check(snippet, ViewRoots.of(GitOpsRunAction.class, "index.jelly"));

        assertThat(problems).extracting(JellyExpressionChecker.Problem::chain).containsExactly("modle");
        assertThat(problems.get(0).reason()).contains("in scope: [it]");
    }

    @Test
    void shouldFollowSetVariablesAndStepOverOperatorsAndLiterals() {
        String snippet =
                """
                <j:set var="model" value="${it.model}"/>
                <j:if test="${model != null and !empty model.summary.errors}">
                  <j:set var="summary" value="${model.summary}"/>
                  ${summary.hasErrors ? summary.errors[0].length() : 'none'} ${size(summary.counts) > 0}
                  ${summary.counts.get(0).zero == false} ${it.counts.Ready} ${it.count('Failed') + 1}
                  <j:forEach var="e" items="${it.counts}">${e.key}${e.value.intValue()}</j:forEach>
                  ${it.run.parent.lastBuild.number} ${it.run.parent.lastBuild.nothing}
                  ${summary.nothing}
                </j:if>
                ${summary.result}
                """;

        List<JellyExpressionChecker.Problem> problems =
                check(snippet, ViewRoots.of(GitOpsRunAction.class, "index.jelly"));

        // the map's keys are not known; Run<?, ?> has a Job for parent, whose builds are Runs;
        // a variable set inside the j:if is not seen after it
        assertThat(problems)
                .extracting(JellyExpressionChecker.Problem::chain)
                .containsExactly("it.run.parent.lastBuild.nothing", "summary.nothing", "summary");
    }

    @Test
    void shouldReportAGetterJexlCannotCall() {
        String snippet =
                """
                <j:forEach var="inventory" items="${it.model.inventories}">
                  <j:forEach var="entry" items="${inventory.entries}">${entry.object}</j:forEach>
                </j:forEach>
                """;

        List<JellyExpressionChecker.Problem> problems =
                check(snippet, ViewRoots.of(GitOpsRunAction.class, "index.jelly"));

        assertThat(problems)
                .extracting(JellyExpressionChecker.Problem::reason)
                .singleElement()
                .asString()
                .startsWith("BuildPageModel.InventoryRow has no public getObject()")
                .endsWith("(a getter exists but is not public)");
    }

    @Test
    void shouldReportAFieldTheFormCannotReadOrSaveAndASelectWithoutItems() {
        String snippet =
                """
                <f:entry field="prun"><f:checkbox/></f:entry>
                <f:entry field="context"><f:select/></f:entry>
                <f:entry field="path"><f:textbox value="${instance.path}"/></f:entry>
                <f:entry field="kubeconfigCredentialsId"><c:select/></f:entry>
                ${descriptor.functionName} ${it.path}
                """;

        List<String> problems = check(snippet, ViewRoots.of(GitOpsApplyStep.class, "config.jelly")).stream()
                .map(p -> p.chain() + ": " + p.reason())
                .toList();

        assertThat(problems)
                .containsExactly(
                        "prun: GitOpsApplyStep has no public getter for it: the form cannot show it",
                        "prun: GitOpsApplyStep takes it neither in its @DataBoundConstructor nor by a @DataBoundSetter:"
                                + " saving drops it",
                        "context: GitOpsApplyStep.DescriptorImpl has no public doFillContextItems: the list stays empty",
                        "it: no such variable here; in scope: [descriptor, instance]");
    }

    @Test
    void shouldGiveEachViewTheRootsStaplerGivesIt() {
        assertThat(ViewRoots.forView("io/jenkins/plugins/gitops/jenkins/action/GitOpsJobAction/index.jelly")
                        .variables())
                .containsExactly(entry("it", GitOpsJobAction.class));
        assertThat(ViewRoots.forView("io/jenkins/plugins/gitops/jenkins/steps/GitOpsPlanStep/config.jelly")
                        .variables())
                .containsOnly(
                        entry("instance", GitOpsPlanStep.class),
                        entry("descriptor", GitOpsPlanStep.DescriptorImpl.class));
        assertThat(ViewRoots.forView("io/jenkins/plugins/gitops/jenkins/config/GitOpsGlobalConfiguration/config.jelly")
                        .variables())
                .containsOnly(
                        entry("it", GitOpsGlobalConfiguration.class),
                        entry("instance", GitOpsGlobalConfiguration.class),
                        entry("descriptor", GitOpsGlobalConfiguration.class));
        assertThat(ViewRoots.forView("index.jelly")).isEqualTo(ViewRoots.NONE);
    }

    @Test
    void shouldFindTheChainsInsideCallsIndexesAndOperators() {
        JexlChains.Parsed parsed = JexlChains.parse("a.b(c.d, 'x.y') == e[f.g].h && !empty i ? 1.5 : null");

        assertThat(parsed.chains())
                .extracting(JexlChains.Chain::text)
                .containsExactly("a.b(_, _)", "c.d", "e[_].h", "f.g", "i");
        assertThat(parsed.sole()).isEmpty();
        assertThat(JexlChains.parse(" it.model.summary ").sole())
                .map(JexlChains.Chain::text)
                .contains("it.model.summary");
    }

    private static Map.Entry<String, BeanType> entry(String name, Class<?> type) {
        return Map.entry(name, BeanType.of(type));
    }

    private static List<JellyExpressionChecker.Problem> check(String body, ViewRoots roots) {
        return JellyExpressionChecker.check("snippet.jelly", JELLY.formatted(body), roots)
                .problems();
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /** Where each name of each expression and each {@code field} ends: inserting there misspells it. */
    private static List<Integer> namePositions(String text) {
        List<Integer> positions = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String jexl = expression.group(1);
            char quote = 0;
            for (int i = 0; i < jexl.length(); i++) {
                char c = jexl.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int end = i;
                    while (end < jexl.length() && Character.isJavaIdentifierPart(jexl.charAt(end))) {
                        end++;
                    }
                    if (!LITERALS.contains(jexl.substring(i, end))) {
                        positions.add(expression.start(1) + end);
                    }
                    i = end - 1;
                } else if (Character.isDigit(c)) {
                    while (i + 1 < jexl.length() && Character.isLetterOrDigit(jexl.charAt(i + 1))) {
                        i++;
                    }
                }
            }
        }
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            positions.add(field.end(1));
        }
        return positions;
    }
}
