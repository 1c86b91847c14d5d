package io.jenkins.plugins.gitops.core.source;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as Flux reads Git tags: strict {@code MAJOR.MINOR.PATCH[-pre][+build]} with an
 * optional leading {@code v}. Ordering follows SemVer 2.0 precedence; build metadata is kept in
 * {@link #original()} but does not take part in comparisons.
 */
public final class SemanticVersion implements Comparable<SemanticVersion> {

    private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern STRICT = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-("
            + IDENTIFIERS
            + "))?(?:\\+("
            + IDENTIFIERS
            + "))?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private final long major;
    private final long minor;
    private final long patch;
    private final String prerelease;
    private final String original;

    SemanticVersion(long major, long minor, long patch, String prerelease, String original) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease == null ? "" : prerelease;
        this.original = original;
    }

    /**
     * Reads a tag name the way Flux's {@code version.ParseVersion} does: strict SemVer, a leading
     * {@code v} allowed; anything else (such as {@code v1.2} or {@code release-1}) is not a version.
     */
    public static Optional<SemanticVersion> parseTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String text = tag.startsWith("v") ? tag.substring(1) : tag;
        Matcher m = STRICT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pre = m.group(4);
        if (pre != null && hasLeadingZeroNumber(pre)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(
                    Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre, tag));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static boolean hasLeadingZeroNumber(String prerelease) {
        for (String part : prerelease.split("\\.", -1)) {
            if (part.length() > 1
                    && part.charAt(0) == '0'
                    && NUMERIC.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    /** The pre-release identifiers without the dash, or an empty string. */
    public String prerelease() {
        return prerelease;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** The text this version was read from, e.g. the tag name {@code v1.2.3}. */
    public String original() {
        return original;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
    }

    private static int comparePrerelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        // A release ranks above any of its pre-releases.
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            if (i >= left.length) {
                return -1;
            }
            if (i >= right.length) {
                return 1;
            }
            int c = compareIdentifier(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareIdentifier(String a, String b) {
        boolean numA = NUMERIC.matcher(a).matches();
        boolean numB = NUMERIC.matcher(b).matches();
        if (numA && numB) {
            // Digit strings compared by length first avoid overflow on long identifiers.
            String x = stripZeros(a);
            String y = stripZeros(b);
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : Integer.signum(x.compareTo(y));
        }
        if (numA) {
            return -1;
        }
        if (numB) {
            return 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion && compareTo((SemanticVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, prerelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
    }
}
