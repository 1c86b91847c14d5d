package io.jenkins.plugins.gitops.core.cluster.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.ErrorTranslator.Subject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one request under the {@link RetryPolicy}: 429, 5xx and connection errors are sent again
 * after a backoff that honours {@code Retry-After}; everything else fails at once.
 */
final class Retrier {

    private final RetryPolicy policy;

    Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    <T> T call(Subject subject, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw ErrorTranslator.interrupted(subject, null);
            }
            Optional<Duration> retryAfter;
            ClusterException failure;
            try (RetryAfterInterceptor.Capture capture = RetryAfterInterceptor.open()) {
                try {
                    return request.get();
                } catch (ClusterException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failure = ErrorTranslator.translate(subject, e);
                    retryAfter = capture.retryAfter().or(() -> statusRetryAfter(e));
                }
            }
            if (!failure.reason().retryable()) {
                throw failure;
            }
            if (attempt >= policy.maxAttempts()) {
                throw attempt == 1 ? failure : gaveUp(failure, attempt);
            }
            try {
                policy.sleeper().sleep(policy.delay(attempt, retryAfter.orElse(null)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrorTranslator.interrupted(subject, failure);
            }
        }
    }

    /** A real API server also puts {@code Retry-After} into the Status it returns with a 429. */
    private static Optional<Duration> statusRetryAfter(RuntimeException e) {
        if (e instanceof KubernetesClientException kce) {
            Status status = kce.getStatus();
            if (status != null && status.getDetails() != null) {
                Integer seconds = status.getDetails().getRetryAfterSeconds();
                if (seconds != null && seconds > 0) {
                    return Optional.of(Duration.ofSeconds(seconds));
                }
            }
        }
        return Optional.empty();
    }

    private static ClusterException gaveUp(ClusterException last, int attempts) {
        return new ClusterException(
                last.reason(),
                last.code(),
                last.getMessage() + " (gave up after " + attempts + " attempts)",
                last.getCause());
    }
}
