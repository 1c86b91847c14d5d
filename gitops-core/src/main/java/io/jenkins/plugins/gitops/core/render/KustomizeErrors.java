package io.jenkins.plugins.gitops.core.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the line of kustomize's stderr that says what went wrong, so a failed render fits on one
 * line of a build log.
 */
final class KustomizeErrors {

    /** kubectl logs through klog: {@code E1121 06:25:35.06 5363 run.go:72] "command failed" err="..."}. */
    private static final Pattern KLOG = Pattern.compile("^([EWIF])\\d{4} [^\\]]*\\]\\s*(.*)$");

    private static final Pattern KLOG_ERR = Pattern.compile("err=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private KustomizeErrors() {}

    static String firstMeaningfulLine(String stderr) {
        String fallback = null;
        for (String raw : stderr.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher klog = KLOG.matcher(line);
            if (klog.matches()) {
                if (!"E".equals(klog.group(1)) && !"F".equals(klog.group(1))) {
                    continue;
                }
                return stripErrorPrefix(klogMessage(klog.group(2)));
            }
            // Warnings (deprecated fields and the like) come before the error and are not the cause.
            if (line.regionMatches(true, 0, "warning", 0, "warning".length()) || line.startsWith("# Warning")) {
                fallback = fallback == null ? line : fallback;
                continue;
            }
            return stripErrorPrefix(line);
        }
        return fallback == null ? "no error message (see the kustomize output)" : fallback;
    }

    private static String klogMessage(String message) {
        Matcher err = KLOG_ERR.matcher(message);
        if (err.find()) {
            return err.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return message;
    }

    private static String stripErrorPrefix(String line) {
        if (line.regionMatches(true, 0, "error: ", 0, "error: ".length())) {
            return line.substring("error: ".length());
        }
        return line;
    }
}
