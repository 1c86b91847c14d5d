package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What apply and diff print never holds a value read from a Secret for substitution, plain or base64. */
class SecretOutputTest {

    private static final String PASSWORD = "s3cr3t-db-password";
    private static final String NEW_PASSWORD = "n3w-s3cr3t-password";

    @TempDir
    Path dir;

    private Path fleet;

    @BeforeEach
    void setUp() {
        Cli.assumeKustomize();
        fleet = dir.resolve("fleet");
        String substitute = "  postBuild:\n    substituteFrom:\n      - kind: Secret\n        name: db-credentials\n";
        Cli.write(
                fleet,
                "clusters/test/units.yaml",
                Emulated.unit("app", substitute) + Emulated.unit("leaky", substitute));
        Cli.write(
                fleet,
                "apps/app/objects.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n  namespace: default\n"
                        + "data:\n  dsn: \"postgres://app:${password}@db/app\"\n");
        Cli.write(
                fleet,
                "apps/leaky/objects.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaky\n  namespace: default\n"
                        + "data:\n  password: \"${password}\"\n");
    }

    private static void secret(ApiEmulator emulator, String password) {
        emulator.client()
                .secrets()
                .inNamespace("flux-system")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("db-credentials")
                        .endMetadata()
                        .addToData("password", DiffCommandTest.base64(password))
                        .build())
                .createOr(r -> r.update());
    }

    private static void rejectLeaky(ApiEmulator emulator, String password) {
        emulator.clearFaults();
        emulator.failAlways(
                r -> r.isApply() && r.path().endsWith("/configmaps/leaky"),
                422,
                "ConfigMap \"leaky\" is invalid: data[password]: Invalid value: \"" + password + "\"");
    }

    private Cli.Run run(ApiEmulator emulator, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--repo", fleet.toString(), "--path", "clusters/test"));
        return Emulated.run(emulator, dir, args.toArray(String[]::new));
    }

    @Test
    void shouldPrintNoSecretValueInApplyJsonOrDiffOutput() {
        try (ApiEmulator emulator = new ApiEmulator().start()) {
            Emulated.createNamespace(emulator, "flux-system");
            secret(emulator, PASSWORD);
            rejectLeaky(emulator, PASSWORD);
            List<Cli.Run> runs = new ArrayList<>();

            Cli.Run apply = run(emulator, "apply");
            runs.add(apply);
            runs.add(run(emulator, "apply", "-o", "json"));
            secret(emulator, NEW_PASSWORD);
            rejectLeaky(emulator, NEW_PASSWORD);
            Cli.Run diff = run(emulator, "diff");
            runs.add(diff);
            runs.add(run(emulator, "apply", "-o", "json"));

            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.out()).containsPattern("Ready +flux-system/app").contains("Invalid value: \"*****\"");
            assertThat(diff.exitCode()).isEqualTo(1);
            assertThat(diff.out()).contains("ConfigMap/default/app-config would be configured", "dsn");
            assertThat(emulator.stored("", "configmaps").toString()).contains(NEW_PASSWORD);
            for (Cli.Run r : runs) {
                for (String value : List.of(PASSWORD, NEW_PASSWORD)) {
                    assertThat(r.out() + r.err()).doesNotContain(value).doesNotContain(DiffCommandTest.base64(value));
                }
            }
        }
    }
}
