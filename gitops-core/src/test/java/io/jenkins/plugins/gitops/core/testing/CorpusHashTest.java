package io.jenkins.plugins.gitops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link CorpusHash} against the reference hashes of the shared corpus, rendering with the
 * same tool that produced them. Skipped when the corpus or kubectl is not there: the corpus is
 * third-party data that lives outside the project.
 */
class CorpusHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "external-secrets-gitops/crs, external-secrets/external-secrets, flux-system/external-secrets-crs",
        "external-secrets-gitops, external-secrets/external-secrets, flux-system/flux-system",
        "flux2-kustomize-helm-example/infrastructure/controllers, fluxcd/flux2-kustomize-helm-example,"
                + " flux-system/infra-controllers",
        "flux2-kustomize-helm-example/infrastructure/configs, fluxcd/flux2-kustomize-helm-example,"
                + " flux-system/infra-configs",
    })
    void shouldMatchTheReferenceHashOfTheRawRender(String folder, String repo, String kustomization) throws Exception {
        Path corpus = corpusDirectory();
        assumeTrue(Files.isRegularFile(corpus.resolve("FACTS.json")), "no corpus at " + corpus);
        assumeTrue(kubectlAvailable(), "kubectl is not installed");

        List<Manifest> rendered = Yaml.readManifests(kustomize(corpus.resolve(folder)), folder);

        assertThat(CorpusHash.sha256(rendered)).isEqualTo(referenceHash(corpus, repo, kustomization));
    }

    /** System property {@code gitops.corpus}, else {@code ../shared/corpus} beside the project root. */
    private static Path corpusDirectory() {
        String configured = System.getProperty("gitops.corpus");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return projectRoot().resolve("../shared/corpus").normalize();
    }

    /** Surefire runs in the module folder; the multi-module root is the nearest folder with mvnw. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir;
    }

    private static String referenceHash(Path corpus, String repo, String kustomization) throws IOException {
        JsonNode facts = JSON.readTree(corpus.resolve("FACTS.json").toFile());
        for (JsonNode r : facts.path("repos")) {
            if (!repo.equals(r.path("repo").asText())) {
                continue;
            }
            for (JsonNode entry : r.path("entries")) {
                for (JsonNode k : entry.path("kustomizations")) {
                    if (kustomization.equals(k.path("id").asText())
                            && k.path("raw").path("ok").asBoolean()) {
                        return k.path("raw").path("sha256").asText();
                    }
                }
            }
        }
        throw new AssertionError("FACTS.json has no raw render of " + repo + " " + kustomization);
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String kustomize(Path dir) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(
                            "kubectl", "kustomize", "--load-restrictor=LoadRestrictionsNone", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(errors));
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
