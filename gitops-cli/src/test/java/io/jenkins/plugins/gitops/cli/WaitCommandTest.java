package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitCommandTest {

    @TempDir
    Path dir;

    private static void createWeb(ApiEmulator emulator) {
        emulator.client()
                .resource(emulator.client()
                        .getKubernetesSerialization()
                        .unmarshal(Emulated.deployment("web"), io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .create();
    }

    @Test
    void shouldExitWithZeroWhenTheObjectsAreReady() {
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            createWeb(emulator);

            Cli.Run run = Emulated.run(emulator, dir, "wait", "--objects", "Deployment/default/web", "--timeout", "5s");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Deployment/default/web Current", "1 object is Current");
        }
    }

    @Test
    void shouldExitWithOneWhenTheTimeoutPasses() {
        try (ApiEmulator emulator = new ApiEmulator().start()) {
            createWeb(emulator);

            long start = System.nanoTime();
            Cli.Run run = Emulated.run(emulator, dir, "wait", "--objects", "Deployment/default/web", "--timeout", "2s");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(run.out()).contains("timeout waiting for: Deployment/default/web InProgress");
        }
    }

    @Test
    void shouldAskWhatToWaitForWhenGivenNeitherObjectsNorAFleet() {
        try (ApiEmulator emulator = new ApiEmulator().start()) {
            Cli.Run run = Emulated.run(emulator, dir, "wait", "--timeout", "1s");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--objects", "--path", "--fleet");
        }
    }
}
