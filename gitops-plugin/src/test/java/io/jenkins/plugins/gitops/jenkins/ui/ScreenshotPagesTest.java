package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the engine on {@code examples/layered-platform} against the API emulator ({@link
 * EmulatedPlatformRuns}), writes the static build and job pages of those real reports (and the
 * build page of the drift check #103) and photographs them with headless Chromium into the
 * folder named by {@code -Dgitops.screenshots} (the docs use {@code docs/images}). Not part of the
 * normal build: it needs Chromium, which CI does not have. See {@code docs/ui.md}.
 */
@EnabledIfSystemProperty(named = "gitops.screenshots", matches = ".+")
class ScreenshotPagesTest {

    @TempDir
    Path engineDir;

    @Test
    void shouldPhotographTheBuildJobAndDriftPages() throws Exception {
        Path out = Path.of(System.getProperty("gitops.screenshots")).toAbsolutePath();
        Path html = Path.of("target/gitops-pages").toAbsolutePath();
        Files.createDirectories(out);
        Files.createDirectories(html);
        Path build = html.resolve("build-page.html");
        Path job = html.resolve("job-page.html");
        Path drift = html.resolve("drift-page.html");
        EmulatedPlatformRuns runs = EmulatedPlatformRuns.run(engineDir);
        ReconcileReport failed = runs.failedRun;
        assertThat(failed.units()).as("cert-operator fails its health check").anySatisfy(u -> {
            assertThat(u.id()).isEqualTo("flux-system/cert-operator");
            assertThat(u.status()).isEqualTo(UnitStatus.FAILED);
        });
        assertThat(failed.units()).as("its dependents are skipped").anySatisfy(u -> {
            assertThat(u.id()).isEqualTo("flux-system/security");
            assertThat(u.status()).isEqualTo(UnitStatus.SKIPPED);
        });
        BuildRecord driftCheck = runs.history.get(2);
        assertThat(driftCheck.number()).isEqualTo(103);
        assertThat(driftCheck.drift().units())
                .as("build #103 finds the edge router scaled down")
                .anySatisfy(u -> assertThat(u.diffs()).anyMatch(Diff::drifted));
        Files.writeString(
                build,
                StaticPageRenderer.buildPage(
                        "platform-production", 105, BuildPageModel.of(failed, UnitNode.fromReport(failed))),
                StandardCharsets.UTF_8);
        Files.writeString(
                job,
                StaticPageRenderer.jobPage(
                        "platform-production", List.of(JobPageModel.of(runs.fleet, runs.history)), 30),
                StandardCharsets.UTF_8);

        Files.writeString(
                drift,
                StaticPageRenderer.buildPage(
                        "platform-production", 103, runs.fleet, null, DriftPageModel.of(driftCheck.drift())),
                StandardCharsets.UTF_8);

        screenshot(
                build, out.resolve("build-page.png"), System.getProperty("gitops.screenshots.build-size", "1600,2700"));
        screenshot(job, out.resolve("job-page.png"), System.getProperty("gitops.screenshots.job-size", "1400,2340"));
        screenshot(
                drift, out.resolve("drift-page.png"), System.getProperty("gitops.screenshots.drift-size", "1400,1260"));
    }

    private static void screenshot(Path page, Path png, String size) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("gitops-chromium");
        List<String> command = List.of(
                System.getProperty("gitops.chromium", "chromium"),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--screenshot=" + png,
                "--window-size=" + size,
                page.toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/gitops-pages/chromium.log"))
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        assertThat(png).isNotEmptyFile();
        shrink(png);
    }

    /** Quantizes the PNG with pngquant when it is installed, to keep the docs' images small. */
    private static void shrink(Path png) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(
                            "pngquant",
                            "--force",
                            "--skip-if-larger",
                            "--quality=80-98",
                            "--output",
                            png.toString(),
                            png.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/gitops-pages/pngquant.log"))
                    .start();
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException notInstalled) {
            System.out.println("pngquant not found; " + png + " stays as Chromium wrote it");
        }
    }
}
