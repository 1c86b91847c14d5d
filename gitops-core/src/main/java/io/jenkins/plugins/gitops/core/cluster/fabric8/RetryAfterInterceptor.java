package io.jenkins.plugins.gitops.core.cluster.fabric8;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the {@code Retry-After} header of a failed response to the adapter, which fabric8's
 * exceptions do not carry. The adapter opens a {@link Capture} around each attempt; fabric8 calls
 * {@link #before} on the calling thread, where the capture's id is put in a request header, and
 * {@link #afterFailure} before the caller's future completes, where the header finds the capture.
 */
final class RetryAfterInterceptor implements Interceptor {

    static final String NAME = "gitops-retry-after";
    static final String ATTEMPT_HEADER = "X-Gitops-Attempt";
    static final RetryAfterInterceptor INSTANCE = new RetryAfterInterceptor();

    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();
    private static final Map<String, Capture> OPEN = new ConcurrentHashMap<>();

    private RetryAfterInterceptor() {}

    /** Starts capturing for requests the calling thread sends until the capture is closed. */
    static Capture open() {
        Capture capture = new Capture(UUID.randomUUID().toString());
        OPEN.put(capture.id, capture);
        CURRENT.set(capture);
        return capture;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        Capture capture = CURRENT.get();
        if (capture != null) {
            builder.setHeader(ATTEMPT_HEADER, capture.id);
        }
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        HttpRequest request = response.request();
        String id = request == null ? null : request.header(ATTEMPT_HEADER);
        Capture capture = id == null ? null : OPEN.get(id);
        if (capture != null) {
            capture.retryAfter = parse(response.header("Retry-After"));
        }
        return CompletableFuture.completedFuture(false);
    }

    /** Seconds, or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** What the last failed response of one attempt said about when to retry. */
    static final class Capture implements AutoCloseable {

        private final String id;
        private volatile Optional<Duration> retryAfter = Optional.empty();

        private Capture(String id) {
            this.id = id;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }

        @Override
        public void close() {
            OPEN.remove(id);
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
