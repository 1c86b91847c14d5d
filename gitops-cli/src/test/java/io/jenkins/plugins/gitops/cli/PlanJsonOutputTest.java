package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.core.fleet.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON plan holds exactly the fields that {@code docs/plan-json.md} documents. */
class PlanJsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("..", "docs", "plan-json.md");
    private static final String CRD_RACE = Cli.EXAMPLES.resolve("crd-race").toString();

    @TempDir
    Path fleet;

    @BeforeEach
    void needsKustomize() {
        Cli.assumeKustomize();
    }

    @Test
    void shouldWriteExactlyTheDocumentedTopLevelFields() {
        JsonNode plan = plan(Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "-o", "json"), 0);

        Set<String> fields = new LinkedHashSet<>();
        plan.fieldNames().forEachRemaining(name -> {
            if (plan.get(name).isObject()) {
                plan.get(name).fieldNames().forEachRemaining(sub -> fields.add(name + "." + sub));
            } else {
                fields.add(name);
            }
        });
        assertThat(fields).containsExactlyElementsOf(documentedFields("Top level"));
        assertThat(plan.get("source").get("url").asText()).isEqualTo(CRD_RACE);
        assertThat(plan.get("path").asText()).isEqualTo("clusters/demo");
        assertThat(plan.get("errors")).isEmpty();
    }

    @Test
    void shouldWriteExactlyTheDocumentedUnitFields() {
        JsonNode plan = plan(Cli.run("plan", "--repo", CRD_RACE, "--path", "clusters/demo", "-o", "json"), 0);

        for (JsonNode unit : plan.get("units")) {
            assertThat(names(unit)).containsExactlyElementsOf(documentedFields("Units"));
        }
        JsonNode operator = plan.get("units").get(2);
        assertThat(operator.get("id").asText()).isEqualTo("flux-system/secrets-operator");
        assertThat(operator.get("wave").asInt()).isEqualTo(2);
        assertThat(operator.get("objects").asInt()).isEqualTo(5);
        assertThat(operator.get("kinds").get("Deployment").asInt()).isEqualTo(1);
        assertThat(operator.get("dependsOn").get(0).asText()).isEqualTo("flux-system/secrets-crds");
        assertThat(operator.get("parent").asText()).isEqualTo("flux-system/flux-system");
        assertThat(operator.get("file").asText()).isEqualTo("clusters/demo/secrets.yaml");
        assertThat(operator.get("revision").asText())
                .isEqualTo(plan.get("source").get("revision").asText());
    }

    @Test
    void shouldWriteExactlyTheDocumentedErrorFields() {
        Cli.write(fleet, "clusters/test/units.yaml", Cli.kustomization("app", "ghost"));
        Cli.write(fleet, "apps/app/config.yaml", Cli.configMap("app"));

        JsonNode plan = plan(Cli.run("plan", "--repo", fleet.toString(), "--path", "clusters/test", "-o", "json"), 1);

        assertThat(plan.get("errors")).hasSize(1);
        JsonNode error = plan.get("errors").get(0);
        assertThat(names(error)).containsExactlyElementsOf(documentedFields("Errors"));
        assertThat(error.get("type").asText()).isEqualTo("missingDependency");
        assertThat(error.get("units").get(0).asText()).isEqualTo("flux-system/app");
        assertThat(plan.get("source").get("revision").asText()).isEqualTo("local");
    }

    @Test
    void shouldDocumentEveryErrorType() {
        List<String> documented = new ArrayList<>();
        List<String> types =
                Arrays.stream(Problem.Type.values()).map(Problem.Type::jsonName).toList();
        Matcher typeRow = Pattern.compile("^\\| `(\\w+)` \\| (?!when \\|)", Pattern.MULTILINE)
                .matcher(section("Error types"));
        while (typeRow.find()) {
            documented.add(typeRow.group(1));
        }
        assertThat(documented).containsExactlyElementsOf(types);
    }

    static List<List<String>> waves(String json) {
        List<List<String>> waves = new ArrayList<>();
        for (JsonNode wave : read(json).get("waves")) {
            List<String> ids = new ArrayList<>();
            wave.forEach(id -> ids.add(id.asText()));
            waves.add(ids);
        }
        return waves;
    }

    private static JsonNode plan(Cli.Run run, int exitCode) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        return read(run.out());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The first column of the {@code | field | type | meaning |} table in a section of the doc. */
    private static List<String> documentedFields(String heading) {
        List<String> fields = new ArrayList<>();
        Matcher row = Pattern.compile("^\\| `([\\w.]+)` \\| [^|]+ \\| [^|]+ \\|$", Pattern.MULTILINE)
                .matcher(section(heading));
        while (row.find()) {
            fields.add(row.group(1));
        }
        assertThat(fields).as("fields documented under ## %s", heading).isNotEmpty();
        return fields;
    }

    private static String section(String heading) {
        String doc = doc();
        int start = doc.indexOf("\n## " + heading + "\n");
        assertThat(start).as("## %s in %s", heading, DOC).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    private static String doc() {
        try {
            return Files.readString(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
