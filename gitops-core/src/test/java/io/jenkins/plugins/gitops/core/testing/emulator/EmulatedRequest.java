package io.jenkins.plugins.gitops.core.testing.emulator;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One request the emulator received, as recorded in its log and offered to fault predicates.
 *
 * @param method the HTTP method, upper case
 * @param path the path without the query
 * @param query the raw query string, empty when there is none
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param dryRun whether the query asked for {@code dryRun=All}
 * @param body the request body as text, empty when there is none
 */
public record EmulatedRequest(
        String method, String path, String query, String contentType, boolean dryRun, String body) {

    /** Whether this request may change the store: not a GET and not a dry run. */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !dryRun;
    }

    /** Whether this is a server-side apply. */
    public boolean isApply() {
        return method.equals("PATCH") && contentType != null && contentType.startsWith("application/apply-patch");
    }

    /** The value of a query parameter, or {@code null}. Values are returned URL-decoded. */
    public String queryParameter(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0
                        ? ""
                        : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Matches requests with the given method (any if {@code null}) whose path matches the regular expression. */
    public static Predicate<EmulatedRequest> matching(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return r -> (method == null || r.method().equalsIgnoreCase(method))
                && pattern.matcher(r.path()).matches();
    }

    /** Matches every request. */
    public static Predicate<EmulatedRequest> any() {
        return r -> true;
    }
}
