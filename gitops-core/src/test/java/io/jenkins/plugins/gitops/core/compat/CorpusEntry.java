package io.jenkins.plugins.gitops.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code FACTS.json} and where its corpus folder goes in a fleet repository.
 *
 * <p>The corpus keeps only a sub-folder of some repositories. An entry written {@code path (as
 * clusters/dev)} is that folder as the guide places it: its Kustomizations name paths under the
 * guide's location, so the folder is laid out there, and paths the facts give under the original
 * location are moved along with it.
 *
 * @param folder the corpus folder with the entry's files
 * @param originalPrefix where those files live in the original repository ({@code ""} for its root)
 * @param placement where the test repository holds them ({@code ""} for its root)
 */
record CorpusEntry(
        String folderName,
        Path folder,
        String label,
        String entryPath,
        String originalPrefix,
        String placement,
        List<KustomizationFacts> kustomizations,
        List<Set<String>> kustomizationLevels,
        Set<String> helmReleaseIds) {

    private static final Pattern PLACED_AS = Pattern.compile(".*\\(as ([^)]+)\\)$");

    static CorpusEntry of(String folderName, Path folder, JsonNode entry) {
        String label = entry.get("entry").asText();
        String entryPath = entry.get("entry_path").asText();
        Matcher placed = PLACED_AS.matcher(label);
        String originalPrefix = placed.matches() ? entryPath : "";
        String placement = placed.matches() ? placed.group(1) : "";
        List<KustomizationFacts> kustomizations = new ArrayList<>();
        entry.get("kustomizations").forEach(k -> kustomizations.add(KustomizationFacts.of(k)));
        List<Set<String>> levels = new ArrayList<>();
        entry.at("/kustomization_dag/with_created_by_edges/levels").forEach(level -> levels.add(texts(level)));
        Set<String> helmReleases = new TreeSet<>();
        entry.at("/helmrelease_dag/topo_order").forEach(id -> helmReleases.add(id.asText()));
        return new CorpusEntry(
                folderName, folder, label, entryPath, originalPrefix, placement, kustomizations, levels, helmReleases);
    }

    /** The entry path in the test repository. */
    String plannedEntryPath() {
        return relocate(entryPath);
    }

    /** A path of the original repository, as it is in the test repository. */
    String relocate(String originalPath) {
        String path = originalPath.startsWith("./") ? originalPath.substring(2) : originalPath;
        if (originalPrefix.isEmpty()) {
            return path;
        }
        if (path.equals(originalPrefix)) {
            return placement;
        }
        if (path.startsWith(originalPrefix + "/")) {
            return placement + path.substring(originalPrefix.length());
        }
        return path;
    }

    String displayName() {
        return folderName + " " + label;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> result = new LinkedHashSet<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
