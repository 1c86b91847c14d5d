package io.jenkins.plugins.gitops.core.yaml;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads and writes Kubernetes YAML with YAML 1.2 core-schema typing, as kustomize's kyaml does:
 * {@code yes}/{@code no}/{@code on}/{@code off} and dates stay strings.
 */
public final class Yaml {

    private static final int MAX_ALIASES = 100;

    private Yaml() {}

    private static LoadSettings loadSettings(String label, Schema schema) {
        return LoadSettings.builder()
                .setSchema(schema)
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
    }

    /** Decodes every document of a file; empty documents are dropped. */
    public static List<Manifest> readManifests(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(displayName + ": cannot read: " + e.getMessage(), e);
        }
        return readManifests(text, displayName);
    }

    /**
     * Decodes every document of a YAML stream into manifests. Each document must be a mapping with
     * {@code apiVersion} and {@code kind}; {@code kind: List} is expanded into its items.
     */
    public static List<Manifest> readManifests(String text, String displayName) {
        List<Manifest> result = new ArrayList<>();
        int index = 0;
        for (Object doc : readDocuments(text, displayName)) {
            index++;
            addManifest(result, doc, displayName, index);
        }
        return result;
    }

    private static void addManifest(List<Manifest> result, Object doc, String displayName, int index) {
        if (doc == null) {
            return;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ManifestException(displayName, 0, "document " + index + " is not a mapping", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) map;
        Object kind = body.get("kind");
        Object apiVersion = body.get("apiVersion");
        if (kind == null || apiVersion == null) {
            throw new ManifestException(
                    displayName,
                    0,
                    "document " + index + " has no " + (apiVersion == null ? "apiVersion" : "kind")
                            + "; every document must be a Kubernetes object",
                    null);
        }
        if ("List".equals(kind) && body.get("items") instanceof List<?> items) {
            for (Object item : items) {
                addManifest(result, item, displayName, index);
            }
            return;
        }
        result.add(new Manifest(body, displayName));
    }

    /** Decodes every document of a YAML stream as plain trees (nulls for empty documents). */
    public static List<Object> readDocuments(String text, String displayName) {
        return readDocuments(text, displayName, new CoreSchema());
    }

    /**
     * Decodes every document, typing plain (unquoted) scalars with {@code plainScalars} instead of the
     * core schema: for tools that must read YAML as another implementation would, such as Flux's
     * YAML 1.1 decoder after variable substitution. A {@code String} result means "a string".
     */
    public static List<Object> readDocuments(String text, String displayName, Function<String, Object> plainScalars) {
        return readDocuments(text, displayName, new PlainScalarSchema(plainScalars));
    }

    private static List<Object> readDocuments(String text, String displayName, Schema schema) {
        Load load = new Load(loadSettings(displayName, schema));
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : load.loadAllFromString(text)) {
                docs.add(doc);
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            throw new ManifestException(displayName, line, firstLine(e.getProblem()) + " (invalid YAML)", e);
        } catch (YamlEngineException e) {
            throw new ManifestException(displayName, 0, firstLine(e.getMessage()) + " (invalid YAML)", e);
        }
        return docs;
    }

    /** Decodes a single YAML document (for kustomization files); null when empty. */
    public static Object readDocument(String text, String displayName) {
        List<Object> docs = readDocuments(text, displayName);
        return docs.isEmpty() ? null : docs.get(0);
    }

    /** Writes one tree as a block-style YAML document. */
    public static String write(Object tree) {
        return new Dump(dumpSettings()).dumpToString(tree);
    }

    /**
     * Writes one tree, leaving a string unquoted only when {@code plainScalars} reads it back as that
     * same string; the counterpart of {@link #readDocuments(String, String, Function)}. Strings with
     * line breaks are written as literal blocks, so their text is kept verbatim.
     */
    public static String write(Object tree, Function<String, Object> plainScalars) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setSchema(new PlainScalarSchema(plainScalars))
                .setIndent(2)
                .setIndicatorIndent(0)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
        return new Dump(settings).dumpToString(tree);
    }

    /** Writes manifests as a multi-document YAML stream separated by {@code ---}. */
    public static String writeAll(List<Manifest> manifests) {
        StringBuilder out = new StringBuilder();
        Dump dump = new Dump(dumpSettings());
        for (int i = 0; i < manifests.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(dump.dumpToString(manifests.get(i).body()));
        }
        return out.toString();
    }

    private static DumpSettings dumpSettings() {
        return DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setSchema(new CoreSchema())
                .setIndent(2)
                .setIndicatorIndent(0)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A schema whose plain scalars are typed by a function; tags follow the Java type it returns. */
    private static final class PlainScalarSchema implements Schema {

        private final Function<String, Object> typing;

        PlainScalarSchema(Function<String, Object> typing) {
            this.typing = typing;
        }

        @Override
        public ScalarResolver getScalarResolver() {
            return (value, implicit) -> implicit ? tagOf(typing.apply(value)) : Tag.STR;
        }

        private static Tag tagOf(Object value) {
            if (value == null) {
                return Tag.NULL;
            }
            if (value instanceof Boolean) {
                return Tag.BOOL;
            }
            if (value instanceof Double || value instanceof Float) {
                return Tag.FLOAT;
            }
            if (value instanceof Number) {
                return Tag.INT;
            }
            return Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            ConstructNode typed = node -> typing.apply(scalarValue(node));
            return Map.of(
                    Tag.STR, Yaml::scalarValue,
                    Tag.NULL, typed,
                    Tag.BOOL, typed,
                    Tag.INT, typed,
                    Tag.FLOAT, typed);
        }
    }

    private static String scalarValue(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new YamlEngineException("expected a scalar, found " + node.getNodeType());
        }
        return scalar.getValue();
    }
}
