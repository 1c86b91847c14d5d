package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders paths of the shared public fleet corpus and compares with the facts computed there with
 * {@code kubectl kustomize}. The corpus is third-party data outside the project: the test skips
 * when it is absent.
 */
class CorpusRenderTest {

    @TempDir
    Path scratch;

    private Path corpus;
    private JsonNode facts;
    private KustomizeRenderer renderer;

    @BeforeEach
    void setUp() throws IOException {
        corpus = Corpus.folder().orElse(null);
        Assumptions.assumeTrue(corpus != null, Corpus.ABSENT);
        facts = new ObjectMapper().readTree(corpus.resolve("FACTS.json").toFile());
        renderer = new KustomizeRenderer(KustomizeOptions.defaults().withScratchDir(scratch));
        Assumptions.assumeTrue(
                renderer.binary().isPresent(), "no kustomize or kubectl on PATH: corpus comparison skipped");
    }

    @Test
    void shouldRenderTheStagingClusterRootAsFluxGeneratesIt() {
        JsonNode expected = kustomization("clusters/staging", "flux-system/flux-system");

        RenderResult result = renderer.render(new RenderRequest(
                corpus.resolve("flux2-kustomize-helm-example"),
                "./clusters/staging",
                KustomizeOverlays.NONE,
                "Kustomization/flux-system/flux-system"));

        assertMatches(result, expected);
    }

    @Test
    void shouldRenderTheDigitalOceanFleetWithNestedFolders() {
        JsonNode expected = kustomization(
                "14-continuous-delivery-using-gitops/assets/manifests/fluxcd (as clusters/dev)",
                "flux-system/flux-system");

        RenderResult result = renderer.render(new RenderRequest(
                corpus.resolve("digitalocean-fluxcd"),
                "./",
                KustomizeOverlays.NONE,
                "Kustomization/flux-system/flux-system"));

        assertMatches(result, expected);
    }

    private static void assertMatches(RenderResult result, JsonNode expected) {
        assertThat(result.generated())
                .isEqualTo(expected.get("kustomization_generated").asBoolean());
        List<String> resources = new ArrayList<>();
        expected.get("generated_resources").forEach(r -> resources.add(r.asText()));
        assertThat(result.generatedResources()).containsExactlyElementsOf(resources);
        assertThat(result.manifests()).hasSize(expected.get("object_count").asInt());
        Map<String, Integer> kinds = new TreeMap<>();
        expected.get("kinds")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> actual = result.manifests().stream()
                .collect(Collectors.groupingBy(Manifest::kind, TreeMap::new, Collectors.summingInt(m -> 1)));
        assertThat(actual).isEqualTo(kinds);
        assertThat(sha256(result.manifests())).isEqualTo(expected.get("sha256").asText());
    }

    /** FACTS.json's hash_spec: sorted documents as canonical JSON, joined with newlines. */
    private static String sha256(List<Manifest> manifests) {
        ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        List<Manifest> sorted = manifests.stream()
                .sorted(Comparator.comparing(Manifest::apiVersion)
                        .thenComparing(Manifest::kind)
                        .thenComparing(Manifest::namespace)
                        .thenComparing(Manifest::name))
                .toList();
        List<String> documents = new ArrayList<>();
        try {
            for (Manifest manifest : sorted) {
                documents.add(canonical.writeValueAsString(manifest.body()));
            }
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", documents).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode kustomization(String entry, String id) {
        for (JsonNode repo : facts.get("repos")) {
            for (JsonNode e : repo.get("entries")) {
                if (!entry.equals(e.get("entry").asText())) {
                    continue;
                }
                for (JsonNode k : e.get("kustomizations")) {
                    if (id.equals(k.get("id").asText())) {
                        return k;
                    }
                }
            }
        }
        throw new AssertionError("FACTS.json has no " + id + " under entry " + entry);
    }
}
