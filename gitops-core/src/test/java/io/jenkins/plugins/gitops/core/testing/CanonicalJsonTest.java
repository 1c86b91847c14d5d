package io.jenkins.plugins.gitops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void shouldSortKeysByUtf16CodeUnits() {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String key : List.of("\uFB33", "\uD83D\uDE00", "\u20AC", "\u00E9", "b", "a", "B", "aa", "")) {
            tree.put(key, 1);
        }

        // U+1F600 is stored as D83D DE00, so it sorts before U+FB33 although its code point is higher.
        assertThat(CorpusHash.canonicalJson(tree))
                .isEqualTo(
                        "{\"\":1,\"B\":1,\"a\":1,\"aa\":1,\"b\":1,\"\u00E9\":1,\"\u20AC\":1,\"\uD83D\uDE00\":1,\"\uFB33\":1}");
    }

    @Test
    void shouldEscapeOnlyQuotesBackslashesAndControlCharacters() {
        String text = "\"\\\b\f\n\r\t\u0001\u001f/\u007f\u00e9\u2028<>&";

        assertThat(CorpusHash.canonicalJson(text))
                .isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f/\u007f\u00e9\u2028<>&\"");
    }

    @Test
    void shouldWriteNestedStructuresWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", Map.of());
        inner.put("y", List.of());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("list", Arrays.asList(1, true, null, "x", inner));

        assertThat(CorpusHash.canonicalJson(tree)).isEqualTo("{\"list\":[1,true,null,\"x\",{\"y\":[],\"z\":{}}]}");
    }

    @Test
    void shouldWriteIntegersExactlyUpToTwoToThe53() {
        assertThat(CorpusHash.canonicalJson(List.of(0, -5, 9007199254740992L, Long.MIN_VALUE)))
                .isEqualTo("[0,-5,9007199254740992,-9223372036854776000]");
        assertThat(CorpusHash.canonicalJson(new BigInteger("9007199254740993"))).isEqualTo("9007199254740992");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1",
        "-0.0, 0",
        "1.5, 1.5",
        "-2.25, -2.25",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.2345e25, 1.2345e+25",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "1.5e-9, 1.5e-9",
        "2e-3, 0.002",
        "1e23, 1e+23",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "123456789012345680000, 123456789012345680000",
        "4.35, 4.35",
    })
    void shouldWriteDoublesAsEcmaScriptDoes(double value, String expected) {
        assertThat(CorpusHash.canonicalJson(value)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseNumbersJsonCannotHold() {
        assertThatThrownBy(() -> CorpusHash.canonicalJson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusHash.canonicalJson(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHashDocumentsInIdentityOrderJoinedByLineFeeds() {
        Manifest b = new Manifest(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "b")), "");
        Manifest a = new Manifest(
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "a", "namespace", "x")), "");
        Manifest ns =
                new Manifest(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "x")), "");

        // sha256 of: {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}\n...a...\n...Namespace...
        assertThat(CorpusHash.sha256(List.of(ns, a, b)))
                .isEqualTo(CorpusHash.sha256(List.of(b, a, ns)))
                .isEqualTo(Sha256Reference.of(String.join(
                        "\n",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"namespace\":\"x\"}}",
                        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"x\"}}")));
    }
}
