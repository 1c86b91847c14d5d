package io.jenkins.plugins.gitops.core.health;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL environments shaped like Flux's ({@code runtime/cel/expression.go}): the standard macros,
 * optional syntax, the strings, sets and encoders extensions, homogeneous literals and numeric
 * comparisons across types. Flux only parses, so any top-level field of the object is a variable;
 * CEL-Java evaluates checked expressions only, so each set of top-level field names gets an
 * environment declaring them as {@code dyn}.
 */
final class CelEnvironments {

    /** The fields every object is expected to have. */
    static final Set<String> STANDARD_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");

    private static final int MAX_CACHED = 64;

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHomogeneousLiterals(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(100_000)
            .build();

    private static final Map<Set<String>, Cel> CACHE = new ConcurrentHashMap<>();

    private CelEnvironments() {}

    /** An environment declaring the standard fields and {@code fields} as {@code dyn} variables. */
    static Cel forFields(Set<String> fields) {
        Set<String> names = new TreeSet<>(STANDARD_FIELDS);
        names.addAll(fields);
        Cel cached = CACHE.get(names);
        if (cached != null) {
            return cached;
        }
        Cel cel = build(names);
        if (CACHE.size() >= MAX_CACHED) {
            return cel;
        }
        Cel raced = CACHE.putIfAbsent(Set.copyOf(names), cel);
        return raced != null ? raced : cel;
    }

    private static Cel build(Set<String> names) {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(
                        CelExtensions.optional(),
                        CelExtensions.strings(),
                        CelExtensions.sets(OPTIONS),
                        CelExtensions.encoders())
                .addRuntimeLibraries(
                        CelExtensions.optional(),
                        CelExtensions.strings(),
                        CelExtensions.sets(OPTIONS),
                        CelExtensions.encoders());
        names.forEach(name -> builder.addVar(name, SimpleType.DYN));
        return builder.build();
    }

    /** The object as CEL values: integers as {@code long}, decimals as {@code double}. */
    static Map<String, Object> variables(Map<String, ?> body) {
        Map<String, Object> result = new LinkedHashMap<>();
        body.forEach((k, v) -> result.put(k, value(v)));
        return result;
    }

    private static Object value(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, item) -> copy.put(String.valueOf(k), value(item)));
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return copy;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v;
    }
}
