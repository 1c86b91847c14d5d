package io.jenkins.plugins.gitops.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference facts of one Flux Kustomization: the raw render (its path alone) and Flux's
 * render (with the spec's overlays).
 *
 * @param renderDir the folder rendered, relative to the source's root
 * @param sourceResolution how the facts got the source; {@code mirror ...} means a repository
 *     outside the corpus
 */
record KustomizationFacts(
        String id,
        String sourceKind,
        String sourceNamespace,
        String sourceName,
        String renderDir,
        String sourceResolution,
        Render raw,
        Render flux,
        Map<String, Integer> kinds) {

    private static final Pattern FILE_COUNT = Pattern.compile("\\((\\d+) files\\)");

    /** One render's expected object count and corpus hash. */
    record Render(int objects, String sha256) {
        static Render of(JsonNode node) {
            return new Render(node.get("objects").asInt(), node.get("sha256").asText());
        }
    }

    static KustomizationFacts of(JsonNode k) {
        Map<String, Integer> kinds = new TreeMap<>();
        k.get("kinds")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asInt()));
        JsonNode source = k.get("sourceRef");
        return new KustomizationFacts(
                k.get("id").asText(),
                source.get("kind").asText(),
                source.path("namespace").asText(k.get("namespace").asText()),
                source.get("name").asText(),
                k.get("render_dir").asText(),
                k.get("source_resolution").asText(),
                Render.of(k.get("raw")),
                Render.of(k.get("flux")),
                kinds);
    }

    /** Whether the source's files are in the corpus; others come from repositories we cannot reach. */
    boolean sourceInCorpus() {
        return !sourceResolution.startsWith("mirror ");
    }

    /** For an {@code ExternalArtifact}, how many files the facts counted in it ({@code "(6 files)"}). */
    OptionalInt artifactFiles() {
        Matcher m = FILE_COUNT.matcher(sourceResolution);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    boolean fromExternalArtifact() {
        return "ExternalArtifact".equals(sourceKind);
    }
}
