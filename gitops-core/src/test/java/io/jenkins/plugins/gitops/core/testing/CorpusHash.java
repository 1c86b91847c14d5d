package io.jenkins.plugins.gitops.core.testing;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code hash_spec} of the shared corpus' {@code FACTS.json}, so tests can compare our render
 * with the reference one: SHA-256 of the objects, sorted by apiVersion, kind, namespace and name,
 * each as RFC 8785 (JCS) canonical JSON, joined by line feeds.
 *
 * <p>The manifests are expected as {@code Yaml} reads them (YAML 1.2 core schema), which is the
 * typing the spec asks for.
 */
public final class CorpusHash {

    private static final Comparator<String> BY_CODE_POINT = CorpusHash::compareCodePoints;

    private static final Comparator<Manifest> ORDER = Comparator.comparing(Manifest::apiVersion, BY_CODE_POINT)
            .thenComparing(Manifest::kind, BY_CODE_POINT)
            .thenComparing(Manifest::namespace, BY_CODE_POINT)
            .thenComparing(Manifest::name, BY_CODE_POINT);

    /** Integers beyond this lose precision as IEEE doubles, which is what JCS numbers are. */
    private static final BigInteger EXACT_DOUBLE_LIMIT = BigInteger.ONE.shiftLeft(53);

    private CorpusHash() {}

    /** Lower-case hex SHA-256 of the canonical text of the manifests. */
    public static String sha256(List<Manifest> manifests) {
        List<Manifest> sorted = new ArrayList<>(manifests);
        sorted.sort(ORDER);
        List<String> documents = new ArrayList<>(sorted.size());
        for (Manifest manifest : sorted) {
            documents.add(canonicalJson(manifest.body()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", documents).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** RFC 8785 canonical JSON of a tree of maps, lists, strings, numbers, booleans and nulls. */
    public static String canonicalJson(Object tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            writeInteger(new BigInteger(value.toString()), out);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(ecmaScriptNumber(((Number) value).doubleValue()));
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for " + value.getClass().getName());
        }
    }

    /** JCS sorts member names by their UTF-16 code units, which is String's natural order. */
    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    /** Only the quote, the backslash and control characters are escaped; the rest is literal. */
    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void writeInteger(BigInteger value, StringBuilder out) {
        if (value.abs().compareTo(EXACT_DOUBLE_LIMIT) <= 0) {
            out.append(value);
        } else {
            out.append(ecmaScriptNumber(value.doubleValue()));
        }
    }

    /**
     * ECMAScript's Number::toString: the shortest digits that read back as the same double, plain
     * between 1e-6 and 1e21, exponent form outside.
     */
    static String ecmaScriptNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no form for " + d);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = shortestDecimal(d);
        String sign = shortest.signum() < 0 ? "-" : "";
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            int exponent = n - 1;
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            body = mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        }
        return sign + body;
    }

    /**
     * Fewest significant digits that round-trip, nearest to the exact value. Java 17's
     * Double.toString is not always shortest (JDK-4511638), hence the search.
     */
    private static BigDecimal shortestDecimal(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
