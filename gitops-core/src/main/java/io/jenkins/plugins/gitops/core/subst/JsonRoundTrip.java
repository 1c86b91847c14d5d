package io.jenkins.plugins.gitops.core.subst;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tree looks like after Flux passes it through JSON on its way back into kustomize: keys
 * become strings, a float with no fraction below 1e21 comes back as an integer (Go prints 3.0 as
 * {@code 3}), and NaN or infinity cannot be written at all.
 */
final class JsonRoundTrip {

    private static final double GO_EXPONENT_THRESHOLD = 1e21;

    private JsonRoundTrip() {}

    /** The tree as Flux would hold it; throws IllegalArgumentException for values JSON lacks. */
    static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(key(k), normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalise(v)));
            return out;
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return value;
    }

    private static Object number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("the value " + d + " has no JSON form");
        }
        if (d == Math.rint(d) && Math.abs(d) < GO_EXPONENT_THRESHOLD) {
            return GoYamlScalars.narrow(new BigDecimal(d).toBigInteger());
        }
        return d;
    }

    private static String key(Object key) {
        if (key instanceof Double d) {
            return String.valueOf(number(d));
        }
        return String.valueOf(key);
    }
}
