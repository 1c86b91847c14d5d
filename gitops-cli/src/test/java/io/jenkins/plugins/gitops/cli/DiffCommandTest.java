package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    private static final String TOKEN = "g1t-t0ken-value";
    private static final String CLUSTER_TOKEN = "cluster-t0ken-value";

    @TempDir
    Path dir;

    private Path fleet;

    @BeforeEach
    void setUp() {
        Cli.assumeKustomize();
        fleet = dir.resolve("fleet");
        Cli.write(fleet, "clusters/test/units.yaml", Emulated.unit("app", ""));
        Cli.write(
                fleet,
                "apps/app/objects.yaml",
                Cli.configMap("settings")
                        + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\n  namespace: default\n"
                        + "type: Opaque\nstringData:\n  token: " + TOKEN + "\n");
    }

    private Cli.Run run(ApiEmulator emulator, String command) {
        return Emulated.run(emulator, dir, command, "--repo", fleet.toString(), "--path", "clusters/test");
    }

    @Test
    void shouldFindNoDriftAfterApplyThenShowWhatChangedInTheClusterWithSecretsMasked() {
        try (ApiEmulator emulator = new ApiEmulator().start()) {
            Cli.Run apply = run(emulator, "apply");
            assertThat(apply.exitCode()).as(apply.out()).isZero();

            Cli.Run clean = run(emulator, "diff");

            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).isEqualTo("No drift" + System.lineSeparator());

            emulator.client()
                    .configMaps()
                    .inNamespace("default")
                    .withName("settings")
                    .edit(cm -> {
                        cm.getData().put("key", "edited");
                        return cm;
                    });
            emulator.client()
                    .secrets()
                    .inNamespace("default")
                    .withName("api-token")
                    .edit(s -> {
                        s.getStringData().put("token", CLUSTER_TOKEN);
                        return s;
                    });

            Cli.Run drifted = run(emulator, "diff");

            assertThat(drifted.exitCode()).as(drifted.out() + drifted.err()).isEqualTo(1);
            assertThat(drifted.out())
                    .contains("# flux-system/app: ConfigMap/default/settings would be configured")
                    .contains("-  key: edited", "+  key: value")
                    .contains("# flux-system/app: Secret/default/api-token would be configured")
                    .contains("***** (before)", "***** (after)")
                    .endsWith("2 objects drifted" + System.lineSeparator());
            for (String value : new String[] {TOKEN, CLUSTER_TOKEN}) {
                assertThat(drifted.out() + drifted.err() + apply.out() + apply.err())
                        .doesNotContain(value, base64(value));
            }
            assertThat(emulator.stored("", "configmaps"))
                    .filteredOn(cm -> cm.path("metadata").path("name").asText().equals("settings"))
                    .singleElement()
                    .satisfies(cm ->
                            assertThat(cm.path("data").path("key").asText()).isEqualTo("edited"));
        }
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unused")
    private static final Class<?>[] TYPES = {ConfigMap.class, Secret.class};
}
