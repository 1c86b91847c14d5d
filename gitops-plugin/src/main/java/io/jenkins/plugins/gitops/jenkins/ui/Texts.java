package io.jenkins.plugins.gitops.jenkins.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write durations, times, revisions and missing values. */
final class Texts {

    static final String NONE = "\u2014";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Texts() {}

    /** {@code 350 ms}, {@code 8.1 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
    static String duration(long ms) {
        if (ms < 0) {
            return NONE;
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = ms / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** Offset within a run: {@code +1.2 s}. */
    static String offset(long ms) {
        return "+" + duration(Math.max(0, ms));
    }

    static String time(long epochMs) {
        return epochMs <= 0 ? NONE : TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /** {@code main@sha1:3b493eb4c0ffee…} becomes {@code main@sha1:3b493eb4}; anything else stays. */
    static String shortRevision(String revision) {
        if (revision == null || revision.isEmpty()) {
            return NONE;
        }
        int colon = revision.lastIndexOf(':');
        if (colon >= 0 && revision.length() - colon - 1 > 8) {
            return revision.substring(0, colon + 1 + 8);
        }
        return revision;
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }

    static String plural(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
