package io.jenkins.plugins.gitops.core.subst;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each operator does to a value, following Flux's envsubst rather than bash where they differ:
 * every default-style operator ({@code :-}, {@code :=}, {@code =}, {@code :+}, {@code :?}) yields
 * the value when it is non-empty and the default otherwise, and nothing is ever assigned or raised.
 * Lengths and offsets count UTF-8 bytes, as Go strings do.
 */
final class ShellFunctions {

    /** Operators whose contract covers an unset variable, so strict mode lets them through. */
    static final Set<String> DEFAULT_OPERATORS = Set.of("-", "+", "=", "?", ":-", ":+", ":=", ":?");

    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

    private ShellFunctions() {}

    static String apply(String operator, String value, List<String> args) {
        switch (operator) {
            case ",":
                return mapFirst(value, false);
            case ",,":
                return mapAll(value, false);
            case "^":
                return mapFirst(value, true);
            case "^^":
                return mapAll(value, true);
            case "#":
                return args.isEmpty()
                        ? Integer.toString(value.getBytes(StandardCharsets.UTF_8).length)
                        : trimPrefix(value, args.get(0), false);
            case "##":
                return trimPrefix(value, args.get(0), true);
            case "%":
                return trimSuffix(value, args.get(0), false);
            case "%%":
                return trimSuffix(value, args.get(0), true);
            case ":":
                return substring(value, args);
            case "/":
                return replace(value, args, false);
            case "//":
                return replace(value, args, true);
            case "/#":
                return args.size() == 2 && value.startsWith(args.get(0))
                        ? args.get(1) + value.substring(args.get(0).length())
                        : value;
            case "/%":
                return args.size() == 2 && value.endsWith(args.get(0))
                        ? value.substring(0, value.length() - args.get(0).length()) + args.get(1)
                        : value;
            default:
                return value.isEmpty() && !args.isEmpty() ? String.join("", args) : value;
        }
    }

    private static String mapFirst(String value, boolean upper) {
        if (value.isEmpty()) {
            return value;
        }
        int first = value.codePointAt(0);
        int mapped = upper ? Character.toUpperCase(first) : Character.toLowerCase(first);
        return Character.toString(mapped) + value.substring(Character.charCount(first));
    }

    /** Per code point, like Go's strings.ToUpper, so no locale or length-changing special cases. */
    private static String mapAll(String value, boolean upper) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints()
                .map(c -> upper ? Character.toUpperCase(c) : Character.toLowerCase(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String substring(String value, List<String> args) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long length = bytes.length;
        Long offset = goInt(args.get(0));
        if (offset == null) {
            return value;
        }
        long start = offset < 0 ? Math.max(0, length + offset) : offset;
        if (args.size() == 1) {
            return start < length ? slice(bytes, start, length) : "";
        }
        Long count = goInt(args.get(1));
        if (count == null) {
            return value;
        }
        if (start + count >= length) {
            return start < length ? slice(bytes, start, length) : "";
        }
        if (count < 0) {
            // Go panics on this slice; a clear error is the honest equivalent.
            throw EnvsubstException.syntax("bad substitution: negative length " + count + " in ${var:offset:length}");
        }
        return slice(bytes, start, start + count);
    }

    private static Long goInt(String text) {
        if (!GO_INT.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String slice(byte[] bytes, long from, long to) {
        return new String(bytes, (int) from, (int) (to - from), StandardCharsets.UTF_8);
    }

    private static String replace(String value, List<String> args, boolean all) {
        if (args.isEmpty()) {
            return value;
        }
        String target = args.get(0);
        String replacement = args.size() > 1 ? args.get(1) : "";
        if (target.isEmpty()) {
            return all ? betweenEveryCodePoint(value, replacement) : replacement + value;
        }
        if (all) {
            return value.replace(target, replacement);
        }
        int at = value.indexOf(target);
        return at < 0 ? value : value.substring(0, at) + replacement + value.substring(at + target.length());
    }

    /** Go's strings.Replace with an empty target: before, between and after every character. */
    private static String betweenEveryCodePoint(String value, String insert) {
        StringBuilder out = new StringBuilder(insert);
        value.codePoints().forEach(c -> out.appendCodePoint(c).append(insert));
        return out.toString();
    }

    private static String trimPrefix(String value, String pattern, boolean longest) {
        int[] cps = value.codePoints().toArray();
        int cut = matchedPrefix(cps, pattern.codePoints().toArray(), longest);
        return new String(cps, cut, cps.length - cut);
    }

    /** Flux trims a suffix by reversing value and pattern, so patterns are read backwards too. */
    private static String trimSuffix(String value, String pattern, boolean longest) {
        int[] reversed = reverse(value.codePoints().toArray());
        int cut = matchedPrefix(reversed, reverse(pattern.codePoints().toArray()), longest);
        return new String(reverse(Arrays.copyOfRange(reversed, cut, reversed.length)), 0, reversed.length - cut);
    }

    /** Length of the longest or shortest non-empty prefix matching the pattern; 0 when none does. */
    private static int matchedPrefix(int[] value, int[] pattern, boolean longest) {
        int found = 0;
        try {
            for (int length = value.length; length > 0; length--) {
                if (Glob.matches(pattern, Arrays.copyOf(value, length))) {
                    found = length;
                    if (longest) {
                        break;
                    }
                }
            }
        } catch (Glob.BadPatternException e) {
            return 0;
        }
        return found;
    }

    private static int[] reverse(int[] cps) {
        int[] out = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            out[i] = cps[cps.length - 1 - i];
        }
        return out;
    }
}
