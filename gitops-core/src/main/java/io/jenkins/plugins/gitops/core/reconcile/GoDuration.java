package io.jenkins.plugins.gitops.core.reconcile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as Flux (Go) writes them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** @throws IllegalArgumentException naming the text when it is not a duration */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(t);
        int end = 0;
        double nanos = 0;
        while (m.find() && m.start() == end) {
            double value = Double.parseDouble(m.group(1));
            nanos += value
                    * switch (m.group(2)) {
                        case "ns" -> 1d;
                        case "us", "µs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
            end = m.end();
        }
        if (end != t.length() || end == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 30s, 5m or 1h30m");
        }
        return Duration.ofNanos((long) nanos);
    }
}
