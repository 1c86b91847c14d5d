package io.jenkins.plugins.gitops.core.subst;

/**
 * The pattern language of {@code ${v#pattern}} and friends, as Flux's envsubst fork matches it: like
 * Go's {@code path.Match} except that {@code *} and {@code ?} also cross {@code /}, so {@code
 * ${path##*&#47;}} yields the file name. Works on code points.
 */
final class Glob {

    /** A malformed pattern; the trim functions then leave the value alone. */
    static final class BadPatternException extends Exception {
        private static final long serialVersionUID = 1L;

        BadPatternException() {
            super("syntax error in pattern", null, false, false);
        }
    }

    private Glob() {}

    static boolean matches(int[] pattern, int[] name) throws BadPatternException {
        int p = 0;
        int n = 0;
        while (p < pattern.length) {
            boolean star = false;
            while (p < pattern.length && pattern[p] == '*') {
                p++;
                star = true;
            }
            int chunkEnd = chunkEnd(pattern, p);
            if (star && chunkEnd == p) {
                return true;
            }
            boolean last = chunkEnd == pattern.length;
            int rest = matchChunk(pattern, p, chunkEnd, name, n);
            if (rest >= 0 && (rest == name.length || !last)) {
                n = rest;
                p = chunkEnd;
                continue;
            }
            if (!star) {
                return false;
            }
            int found = -1;
            for (int skip = n + 1; skip <= name.length && found < 0; skip++) {
                int candidate = matchChunk(pattern, p, chunkEnd, name, skip);
                if (candidate >= 0 && !(last && candidate < name.length)) {
                    found = candidate;
                }
            }
            if (found < 0) {
                return false;
            }
            n = found;
            p = chunkEnd;
        }
        return n == name.length;
    }

    /** Where the run of single-character terms starting at {@code from} ends (at a star outside []). */
    private static int chunkEnd(int[] pattern, int from) {
        boolean inRange = false;
        int i = from;
        for (; i < pattern.length; i++) {
            int c = pattern[i];
            if (c == '\\') {
                if (i + 1 < pattern.length) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /** Matches the chunk against the start of {@code name[n..]}; the end of the match, or -1. */
    private static int matchChunk(int[] pattern, int p, int end, int[] name, int n) throws BadPatternException {
        while (p < end) {
            if (n >= name.length) {
                return -1;
            }
            int c = pattern[p];
            if (c == '[') {
                int[] cursor = {p + 1};
                boolean matched = matchClass(pattern, end, cursor, name[n]);
                if (!matched) {
                    return -1;
                }
                p = cursor[0];
                n++;
            } else if (c == '?') {
                p++;
                n++;
            } else {
                if (c == '\\') {
                    p++;
                    if (p >= end) {
                        throw new BadPatternException();
                    }
                }
                if (pattern[p] != name[n]) {
                    return -1;
                }
                p++;
                n++;
            }
        }
        return n;
    }

    /** A character class whose body starts at {@code cursor[0]}; leaves the cursor after it. */
    private static boolean matchClass(int[] pattern, int end, int[] cursor, int c) throws BadPatternException {
        int p = cursor[0];
        boolean negated = p < end && pattern[p] == '^';
        if (negated) {
            p++;
        }
        boolean match = false;
        int ranges = 0;
        while (true) {
            if (p < end && pattern[p] == ']' && ranges > 0) {
                p++;
                break;
            }
            int lo = classChar(pattern, end, p);
            p += pattern[p] == '\\' ? 2 : 1;
            int hi = lo;
            if (pattern[p] == '-') {
                p++;
                hi = classChar(pattern, end, p);
                p += pattern[p] == '\\' ? 2 : 1;
            }
            if (lo <= c && c <= hi) {
                match = true;
            }
            ranges++;
        }
        cursor[0] = p;
        return match != negated;
    }

    /** One possibly escaped character of a class; a class must not end right after it. */
    private static int classChar(int[] pattern, int end, int p) throws BadPatternException {
        if (p >= end || pattern[p] == '-' || pattern[p] == ']') {
            throw new BadPatternException();
        }
        int at = p;
        if (pattern[at] == '\\') {
            at++;
            if (at >= end) {
                throw new BadPatternException();
            }
        }
        if (at + 1 >= end) {
            throw new BadPatternException();
        }
        return pattern[at];
    }
}
