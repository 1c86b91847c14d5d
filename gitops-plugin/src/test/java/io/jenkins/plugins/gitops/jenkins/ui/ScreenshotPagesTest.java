package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the static build and job pages and photographs them with headless Chromium into the
 * folder named by {@code -Dgitops.screenshots} (the docs use {@code docs/images}). Not part of the
 * normal build: it needs Chromium, which CI does not have. See {@code docs/ui.md}.
 */
@EnabledIfSystemProperty(named = "gitops.screenshots", matches = ".+")
class ScreenshotPagesTest {

    @Test
    void shouldPhotographTheBuildAndJobPages() throws IOException, InterruptedException {
        Path out = Path.of(System.getProperty("gitops.screenshots")).toAbsolutePath();
        Path html = Path.of("target/gitops-pages").toAbsolutePath();
        Files.createDirectories(out);
        Files.createDirectories(html);
        Path build = html.resolve("build-page.html");
        Path job = html.resolve("job-page.html");
        Files.writeString(
                build,
                StaticPageRenderer.buildPage(
                        "platform-prod", 105, BuildPageModel.of(PlatformRun.failedRun(), PlatformRun.graph())),
                StandardCharsets.UTF_8);
        Files.writeString(
                job,
                StaticPageRenderer.jobPage("platform-prod", JobPageModel.of(PlatformRun.history())),
                StandardCharsets.UTF_8);

        screenshot(
                build, out.resolve("build-page.png"), System.getProperty("gitops.screenshots.build-size", "1400,2700"));
        screenshot(job, out.resolve("job-page.png"), System.getProperty("gitops.screenshots.job-size", "1400,1990"));
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
