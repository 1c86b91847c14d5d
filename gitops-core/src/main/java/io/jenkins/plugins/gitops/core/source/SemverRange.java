package io.jenkins.plugins.gitops.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range in the constraint syntax of Masterminds/semver v3, which Flux uses for {@code
 * spec.ref.semver}: comparisons ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code
 * <=}), tilde ({@code ~1.2}), caret ({@code ^1.2}), wildcards ({@code 1.2.x}, {@code *}), hyphen
 * ranges ({@code 1.2 - 1.4.5}), AND by space or comma, OR by {@code ||}.
 *
 * <p>As in that library, a pre-release version satisfies a comparison only when the comparison's
 * own version names a pre-release, so {@code >=1.0.0} never selects {@code 1.1.0-rc.1}.
 */
public final class SemverRange {

    private static final String OPS = "!=|>=|=>|<=|=<|~>|>|<|=|~|\\^|";
    private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    /** A version inside a constraint: parts may be missing or wildcards; groups 1–4 are read. */
    private static final String CV =
            "v?([0-9xX*]+)(\\.[0-9xX*]+)?(\\.[0-9xX*]+)?(-" + IDENTIFIERS + ")?(?:\\+" + IDENTIFIERS + ")?";

    private static final String CV_PLAIN =
            "v?[0-9xX*]+(?:\\.[0-9xX*]+)?(?:\\.[0-9xX*]+)?(?:-" + IDENTIFIERS + ")?(?:\\+" + IDENTIFIERS + ")?";
    private static final Pattern ONE = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV_PLAIN + ")\\s*$");
    private static final Pattern FIND = Pattern.compile("(?:" + OPS + ")\\s*" + CV_PLAIN);
    private static final Pattern VALID = Pattern.compile("^\\s*(?:" + OPS + ")\\s*" + CV_PLAIN + "\\s*"
            + "(?:(?:\\s+|,\\s*)(?:" + OPS + ")\\s*" + CV_PLAIN + "\\s*)*$");
    private static final Pattern HYPHEN = Pattern.compile("\\s*(" + CV_PLAIN + ")\\s+-\\s+(" + CV_PLAIN + ")\\s*");
    private static final Pattern PARTS = Pattern.compile(CV);

    private final String text;
    private final List<List<Comparison>> alternatives;

    private SemverRange(String text, List<List<Comparison>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Reads a range.
     *
     * @throws IllegalArgumentException naming the part that is not a valid constraint
     */
    public static SemverRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty semver range");
        }
        String rewritten = HYPHEN.matcher(text).replaceAll(">= $1, <= $2");
        List<List<Comparison>> alternatives = new ArrayList<>();
        for (String segment : rewritten.split("\\|\\|", -1)) {
            if (!VALID.matcher(segment).matches()) {
                throw new IllegalArgumentException("improper constraint: " + segment.trim());
            }
            List<Comparison> all = new ArrayList<>();
            Matcher found = FIND.matcher(segment);
            while (found.find()) {
                all.add(Comparison.parse(found.group()));
            }
            alternatives.add(List.copyOf(all));
        }
        return new SemverRange(text, List.copyOf(alternatives));
    }

    /** Whether the version satisfies every comparison of at least one {@code ||} alternative. */
    public boolean matches(SemanticVersion version) {
        for (List<Comparison> all : alternatives) {
            if (all.stream().allMatch(c -> c.test(version))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** One operator and the (possibly partial) version it compares with. */
    private static final class Comparison {
        private final String op;
        private final SemanticVersion con;
        /** Some part of the version was a wildcard or missing. */
        private final boolean dirty;
        /** The minor (and so the patch) part was a wildcard or missing. */
        private final boolean minorDirty;
        /** Only the patch part was a wildcard or missing. */
        private final boolean patchDirty;

        private Comparison(String op, SemanticVersion con, boolean dirty, boolean minorDirty, boolean patchDirty) {
            this.op = op;
            this.con = con;
            this.dirty = dirty;
            this.minorDirty = minorDirty;
            this.patchDirty = patchDirty;
        }

        static Comparison parse(String token) {
            Matcher one = ONE.matcher(token);
            if (!one.matches()) {
                throw new IllegalArgumentException("improper constraint: " + token);
            }
            Matcher p = PARTS.matcher(one.group(2));
            if (!p.matches()) {
                throw new IllegalArgumentException("improper constraint: " + token);
            }
            String major = p.group(1);
            String minor = p.group(2) == null ? "" : p.group(2).substring(1);
            String patch = p.group(3) == null ? "" : p.group(3).substring(1);
            String pre = p.group(4) == null ? "" : p.group(4).substring(1);
            String op = one.group(1);
            try {
                if (isWildcard(major)) {
                    return new Comparison(op, version(0, 0, 0, pre, token), true, false, false);
                }
                if (minor.isEmpty() || isWildcard(minor)) {
                    return new Comparison(op, version(number(major), 0, 0, pre, token), true, true, false);
                }
                if (patch.isEmpty() || isWildcard(patch)) {
                    return new Comparison(op, version(number(major), number(minor), 0, pre, token), true, false, true);
                }
                return new Comparison(
                        op, version(number(major), number(minor), number(patch), pre, token), false, false, false);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("improper constraint: " + token, e);
            }
        }

        private static boolean isWildcard(String part) {
            return "x".equals(part) || "X".equals(part) || "*".equals(part);
        }

        private static long number(String digits) {
            return Long.parseLong(digits);
        }

        private static SemanticVersion version(long major, long minor, long patch, String pre, String token) {
            return new SemanticVersion(major, minor, patch, pre, token);
        }

        boolean test(SemanticVersion v) {
            // Masterminds' rule: pre-releases only take part when the comparison asks for one.
            boolean excludedPrerelease = v.isPrerelease() && !con.isPrerelease();
            switch (op) {
                case "":
                case "=":
                    if (excludedPrerelease) {
                        return false;
                    }
                    return dirty ? tilde(v) : v.compareTo(con) == 0;
                case "!=":
                    return notEqual(v, excludedPrerelease);
                case ">":
                    return !excludedPrerelease && greater(v);
                case "<":
                    return !excludedPrerelease && v.compareTo(con) < 0;
                case ">=":
                case "=>":
                    return !excludedPrerelease && v.compareTo(con) >= 0;
                case "<=":
                case "=<":
                    return !excludedPrerelease && lessOrEqual(v);
                case "~":
                case "~>":
                    return !excludedPrerelease && tilde(v);
                case "^":
                    return !excludedPrerelease && caret(v);
                default:
                    throw new IllegalStateException("unknown operator " + op);
            }
        }

        private boolean notEqual(SemanticVersion v, boolean excludedPrerelease) {
            if (dirty) {
                if (excludedPrerelease) {
                    return false;
                }
                if (v.major() != con.major()) {
                    return true;
                }
                if (minorDirty) {
                    return false;
                }
                if (v.minor() != con.minor()) {
                    return true;
                }
                if (patchDirty) {
                    return (v.isPrerelease() || con.isPrerelease())
                            && !v.prerelease().equals(con.prerelease());
                }
            }
            return v.compareTo(con) != 0;
        }

        private boolean greater(SemanticVersion v) {
            if (!dirty) {
                return v.compareTo(con) > 0;
            }
            if (v.major() != con.major()) {
                return v.major() > con.major();
            }
            if (minorDirty) {
                // ">1" means 2.0.0 or later, not 1.1.0.
                return false;
            }
            if (patchDirty) {
                return v.minor() > con.minor();
            }
            return v.compareTo(con) > 0;
        }

        private boolean lessOrEqual(SemanticVersion v) {
            if (!dirty) {
                return v.compareTo(con) <= 0;
            }
            if (v.major() > con.major()) {
                return false;
            }
            return !(v.major() == con.major() && v.minor() > con.minor() && !minorDirty);
        }

        private boolean tilde(SemanticVersion v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != con.major()) {
                return false;
            }
            return minorDirty || v.minor() == con.minor();
        }

        private boolean caret(SemanticVersion v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() > 0 || minorDirty) {
                return v.major() == con.major();
            }
            if (v.major() > 0) {
                return false;
            }
            if (con.minor() > 0 || patchDirty) {
                return v.minor() == con.minor();
            }
            if (v.minor() > 0) {
                return false;
            }
            return v.patch() == con.patch();
        }
    }
}
