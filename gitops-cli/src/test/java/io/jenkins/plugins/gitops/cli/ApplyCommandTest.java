package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    @TempDir
    Path dir;

    private Path fleet;

    @BeforeEach
    void setUp() {
        Cli.assumeKustomize();
        fleet = dir.resolve("fleet");
        Cli.write(
                fleet,
                "clusters/test/units.yaml",
                Emulated.unit("web", "  wait: true\n  timeout: 30s\n") + Emulated.unit("config", ""));
        Cli.write(fleet, "apps/web/objects.yaml", Emulated.deployment("web") + "---\n" + Cli.configMap("web"));
        Cli.write(fleet, "apps/config/objects.yaml", Cli.configMap("settings"));
    }

    private Cli.Run apply(ApiEmulator emulator, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--repo", fleet.toString(), "--path", "clusters/test"));
        args.addAll(List.of(more));
        return Emulated.run(emulator, dir, args.toArray(String[]::new));
    }

    @Test
    void shouldExitWithZeroAndPrintProgressAndASummary() {
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            Cli.Run run = apply(emulator);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out())
                    .containsPattern("\\[ *\\d+\\.\\ds\\] flux-system/web Progressing: reconciling Kustomization/")
                    .contains("flux-system/web Applied: applied 2 objects (2 changed)")
                    .contains("flux-system/web Progressing: waiting up to 30 s for 2 objects to be healthy")
                    .containsPattern("flux-system/web ReconciliationSucceeded: Ready in \\d+ s")
                    .contains("flux-system/config Applied: applied 1 objects (1 changed)")
                    .containsPattern("Ready +flux-system/web +ReconciliationSucceeded")
                    .containsPattern("Ready +flux-system/config +ReconciliationSucceeded")
                    .endsWith("All units Ready" + System.lineSeparator());
            assertThat(emulator.stored("apps", "deployments")).hasSize(1);
        }
    }

    @Test
    void shouldPrintAParseableReportWithJsonOutputAndProgressOnStandardError() throws Exception {
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            Cli.Run run = apply(emulator, "-o", "json");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("ready").asBoolean()).isTrue();
            assertThat(report.path("dryRun").asBoolean()).isFalse();
            assertThat(report.path("path").asText()).isEqualTo("clusters/test");
            assertThat(report.path("source").has("revision")).isTrue();
            JsonNode web = null;
            for (JsonNode unit : report.path("units")) {
                assertThat(unit.fieldNames())
                        .toIterable()
                        .containsExactly(
                                "id",
                                "kind",
                                "status",
                                "reason",
                                "message",
                                "revision",
                                "changes",
                                "inventory",
                                "health",
                                "durationMs",
                                "wave",
                                "dependsOn",
                                "parent");
                if (unit.path("id").asText().equals("flux-system/web")) {
                    web = unit;
                }
            }
            assertThat(web).isNotNull();
            assertThat(web.path("status").asText()).isEqualTo("Ready");
            assertThat(web.path("kind").asText()).isEqualTo("Kustomization");
            assertThat(web.path("changes").toString())
                    .contains("{\"object\":\"Deployment/default/web\",\"action\":\"created\"}");
            assertThat(web.path("inventory").toString()).contains("default_web_apps_Deployment");
            assertThat(web.path("health").toString())
                    .contains("\"object\":\"Deployment/default/web\",\"status\":\"Current\"");
            assertThat(report.path("events").size()).isPositive();
            assertThat(run.err()).contains("flux-system/web Applied: applied 2 objects", "Ready in");
        }
    }

    @Test
    void shouldExitWithOneWhenAUnitFails() {
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            emulator.failWorkload("Deployment", "default", "web", "image nginx:1.27 cannot be pulled");

            Cli.Run run = apply(emulator);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .containsPattern("Failed +flux-system/web +HealthCheckFailed")
                    .contains("Deployment/default/web Failed", "image nginx:1.27 cannot be pulled")
                    .containsPattern("Ready +flux-system/config")
                    .endsWith("Not all units are Ready" + System.lineSeparator());
        }
    }
}
