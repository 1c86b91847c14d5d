package io.jenkins.plugins.gitops.core.testing.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Injected failures: each rule answers matching requests with an error instead of serving them. */
final class Faults {

    private record Rule(
            Predicate<EmulatedRequest> when,
            AtomicInteger remaining,
            int status,
            String message,
            String retryAfterSeconds) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    void failNext(Predicate<EmulatedRequest> when, int times, int status, String retryAfterSeconds) {
        rules.add(new Rule(when, new AtomicInteger(times), status, null, retryAfterSeconds));
    }

    void failAlways(Predicate<EmulatedRequest> when, int status, String message) {
        rules.add(new Rule(when, new AtomicInteger(-1), status, message, null));
    }

    void clear() {
        rules.clear();
    }

    /** The error for this request, if a rule claims it; counted rules are used up one request at a time. */
    Optional<ApiError> match(EmulatedRequest request, ResourcePath path) {
        for (Rule rule : rules) {
            if (!rule.when().test(request)) {
                continue;
            }
            if (rule.remaining().get() >= 0 && rule.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) <= 0) {
                continue;
            }
            return Optional.of(error(rule, path));
        }
        return Optional.empty();
    }

    private static ApiError error(Rule rule, ResourcePath path) {
        String reason = ApiError.reasonFor(rule.status());
        String name = path == null ? null : path.name();
        String group = path == null ? null : path.group();
        String plural = path == null ? null : path.plural();
        String message = rule.message() != null ? rule.message() : defaultMessage(rule.status(), reason);
        return new ApiError(rule.status(), reason, message, name, group, plural, List.of(), rule.retryAfterSeconds());
    }

    private static String defaultMessage(int status, String reason) {
        return switch (status) {
            case 429 -> "Too many requests, please try again later.";
            case 503 -> "the server is currently unable to handle the request";
            case 500 -> "an error on the server (\"\") has prevented the request from succeeding";
            case 504 -> "the server was unable to return a response in the time allotted";
            default -> reason;
        };
    }
}
