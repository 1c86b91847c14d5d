package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake binaries are shell scripts")
class KustomizeBinaryTest {

    private static final String SUBJECT = "apps (Kustomization/flux-system/apps)";

    @TempDir
    Path bin;

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void shouldPreferKustomizeOverKubectlOnThePath() throws IOException {
        script("kubectl", "exit 0");
        Path other = Files.createDirectories(bin.resolve("other"));
        Path kustomize = other.resolve("kustomize");
        Files.copy(bin.resolve("kubectl"), kustomize);
        Files.setPosixFilePermissions(kustomize, PosixFilePermissions.fromString("rwxr-xr-x"));

        KustomizeBinary found = KustomizeBinary.findOnPath(bin + File.pathSeparator + other, Duration.ofSeconds(5))
                .orElseThrow();

        assertThat(found.flavour()).isEqualTo(KustomizeBinary.Flavour.KUSTOMIZE);
        assertThat(found.command(Path.of("dir")))
                .containsExactly(kustomize.toString(), "build", "--load-restrictor=LoadRestrictionsNone", "dir");
    }

    @Test
    void shouldCallKubectlKustomizeWhenOnlyKubectlIsThere() throws IOException {
        Path kubectl = script("kubectl", "exit 0");

        KustomizeBinary found = KustomizeBinary.findOnPath(bin.toString(), Duration.ofSeconds(5))
                .orElseThrow();

        assertThat(found.command(Path.of("dir")))
                .containsExactly(kubectl.toString(), "kustomize", "--load-restrictor=LoadRestrictionsNone", "dir");
        assertThat(KustomizeBinary.findOnPath("", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void shouldReturnWhatTheBinaryPrints() throws IOException {
        Path fake = script("kustomize", "echo \"apiVersion: v1\"; echo \"dir=$3\"");

        String output = KustomizeBinary.of(fake, Duration.ofSeconds(10)).build(Path.of("/some/dir"), SUBJECT);

        assertThat(output).isEqualTo("apiVersion: v1\ndir=/some/dir\n");
    }

    @Test
    void shouldReportTheFirstMeaningfulErrorLineOfAFailedBuild() throws IOException {
        Path fake = script(
                "kustomize", "echo 'Warning: deprecated' >&2; echo 'Error: missing resource x.yaml' >&2; exit 1");

        assertThatThrownBy(
                        () -> KustomizeBinary.of(fake, Duration.ofSeconds(10)).build(bin, SUBJECT))
                .isInstanceOf(RenderException.class)
                .hasMessage("cannot render " + SUBJECT + ": kustomize build failed: missing resource x.yaml");
    }

    @Test
    void shouldStopABuildThatTakesTooLong() throws IOException {
        Path fake = script("kustomize", "exec sleep 30");
        long start = System.nanoTime();

        assertThatThrownBy(
                        () -> KustomizeBinary.of(fake, Duration.ofMillis(300)).build(bin, SUBJECT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("timed out after PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldKeepTheInterruptFlagWhenInterrupted() throws Exception {
        Path fake = script("kustomize", "exec sleep 30");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                KustomizeBinary.of(fake, Duration.ofSeconds(60)).build(bin, SUBJECT);
            } catch (RenderException e) {
                thrown.set(e);
                interrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).hasMessageContaining("interrupted");
        assertThat(interrupted).isTrue();
    }
}
