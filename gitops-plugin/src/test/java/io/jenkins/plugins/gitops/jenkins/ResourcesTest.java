package io.jenkins.plugins.gitops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsApplyBuilder;
import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsDiffBuilder;
import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsWaitBuilder;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsApplyStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsDiffStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsPlanStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsWaitHealthyStep;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Jelly files escape by default; every step and build step parameter has a help file. */
class ResourcesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyJellyFileShouldEscapeByDefault() throws IOException {
        List<Path> jelly;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            jelly = files.filter(p -> p.toString().endsWith(".jelly")).toList();
        }
        assertThat(jelly).isNotEmpty();
        for (Path p : jelly) {
            assertThat(Files.readString(p, StandardCharsets.UTF_8))
                    .as(p.toString())
                    .startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void everyParameterShouldHaveAHelpFileAndAConfigPage() {
        for (Class<?> type : List.of(
                GitOpsApplyStep.class,
                GitOpsPlanStep.class,
                GitOpsDiffStep.class,
                GitOpsWaitHealthyStep.class,
                GitOpsApplyBuilder.class,
                GitOpsDiffBuilder.class,
                GitOpsWaitBuilder.class)) {
            Path dir = RESOURCES.resolve(type.getName().replace('.', '/'));
            assertThat(dir.resolve("config.jelly")).as(type.getSimpleName()).exists();
            assertThat(dir.resolve("help.html")).as(type.getSimpleName()).exists();
            for (String parameter : parameters(type)) {
                assertThat(dir.resolve("help-" + parameter + ".html"))
                        .as(type.getSimpleName() + " " + parameter)
                        .exists();
                assertThat(readQuietly(dir.resolve("config.jelly")))
                        .as(type.getSimpleName() + " config.jelly has " + parameter)
                        .contains("field=\"" + parameter + "\"");
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Constructor parameters and setter names, as Jenkins binds them. */
    static List<String> parameters(Class<?> type) {
        Stream<String> fromConstructor = Stream.of(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .flatMap(c -> Stream.of(c.getParameters()))
                .map(p -> p.getName());
        Stream<String> fromSetters = Stream.of(type.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class) && Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .map(n -> Character.toLowerCase(n.charAt(3)) + n.substring(4));
        return Stream.concat(fromConstructor, fromSetters).distinct().toList();
    }
}
