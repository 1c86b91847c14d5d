package io.jenkins.plugins.gitops.core.subst;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Flux types an unquoted scalar after substitution. The substituted text goes through {@code
 * sigs.k8s.io/yaml}, i.e. go-yaml v2 and YAML 1.1, so {@code yes}, {@code on}, {@code y}, {@code
 * 0777} and {@code 1_000} are not strings there, unlike in the YAML 1.2 used to read manifests.
 * Timestamps stay strings (go-yaml v2 keeps them so when decoding into an interface).
 */
final class GoYamlScalars {

    private static final Map<String, Object> WORDS = Map.ofEntries(
            Map.entry("y", true),
            Map.entry("Y", true),
            Map.entry("yes", true),
            Map.entry("Yes", true),
            Map.entry("YES", true),
            Map.entry("true", true),
            Map.entry("True", true),
            Map.entry("TRUE", true),
            Map.entry("on", true),
            Map.entry("On", true),
            Map.entry("ON", true),
            Map.entry("n", false),
            Map.entry("N", false),
            Map.entry("no", false),
            Map.entry("No", false),
            Map.entry("NO", false),
            Map.entry("false", false),
            Map.entry("False", false),
            Map.entry("FALSE", false),
            Map.entry("off", false),
            Map.entry("Off", false),
            Map.entry("OFF", false),
            Map.entry(".nan", Double.NaN),
            Map.entry(".NaN", Double.NaN),
            Map.entry(".NAN", Double.NaN),
            Map.entry(".inf", Double.POSITIVE_INFINITY),
            Map.entry(".Inf", Double.POSITIVE_INFINITY),
            Map.entry(".INF", Double.POSITIVE_INFINITY),
            Map.entry("+.inf", Double.POSITIVE_INFINITY),
            Map.entry("+.Inf", Double.POSITIVE_INFINITY),
            Map.entry("+.INF", Double.POSITIVE_INFINITY),
            Map.entry("-.inf", Double.NEGATIVE_INFINITY),
            Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
            Map.entry("-.INF", Double.NEGATIVE_INFINITY));

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    /** go-yaml v2's guard before it hands a scalar to Go's float parser. */
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private static final Pattern DECIMAL_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYamlScalars() {}

    /** The value of a plain scalar: String, Boolean, Integer, Long, BigInteger, Double or null. */
    static Object resolve(String plain) {
        if (NULLS.contains(plain)) {
            return null;
        }
        Object word = WORDS.get(plain);
        if (word != null) {
            return word;
        }
        char first = plain.charAt(0);
        if (first == '.') {
            return DECIMAL_FLOAT.matcher(plain).matches() ? (Object) Double.parseDouble(plain) : plain;
        }
        if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            return number(plain);
        }
        return plain;
    }

    private static Object number(String plain) {
        String digits = plain.replace("_", "");
        BigInteger integer = goInteger(digits);
        if (integer != null && integer.bitLength() < 64) {
            return narrow(integer);
        }
        if (integer != null && integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0) {
            return integer;
        }
        if (YAML_FLOAT.matcher(digits).matches()) {
            return Double.parseDouble(digits);
        }
        return plain;
    }

    /** Go's strconv.ParseInt with base 0: sign, then 0x, 0o, 0b or a leading 0 for octal. */
    private static BigInteger goInteger(String text) {
        int i = 0;
        boolean negative = false;
        if (text.startsWith("+") || text.startsWith("-")) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        String body = text.substring(i);
        int radix = 10;
        if (body.length() > 2 && body.charAt(0) == '0' && "xXoObB".indexOf(body.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(body.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            body = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            body = body.substring(1);
        }
        int base = radix;
        if (body.isEmpty() || !body.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            return null;
        }
        BigInteger value = new BigInteger(body, radix);
        return negative ? value.negate() : value;
    }

    static Object narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
