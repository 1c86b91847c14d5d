package io.jenkins.plugins.gitops.core.cluster.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ClusterException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Turns fabric8 failures into {@link ClusterException}s whose message says subject, verb, cause
 * and a hint: {@code ConfigMap/apps/settings apply failed (Conflict): … — set force or remove the
 * other manager}. The server's message is kept; for Secrets, values it quotes are masked.
 */
final class ErrorTranslator {

    static final String NOT_SERVED_MESSAGE = "the server could not find the requested resource";

    private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value: (?:\"(?:[^\"\\\\]|\\\\.)*\"|[^:]*)");
    private static final Pattern DATA_MAP = Pattern.compile("\"?(data|stringData)\"?\\s*:\\s*(\\{[^}]*}|map\\[[^]]*])");

    private ErrorTranslator() {}

    /** What went wrong, and about what. */
    record Subject(String apiVersion, String kind, String text, String verb) {

        boolean secret() {
            return "Secret".equals(kind);
        }

        String failed() {
            return text + " " + verb + " failed";
        }
    }

    static ClusterException translate(Subject subject, RuntimeException e) {
        if (interrupted(e)) {
            Thread.currentThread().interrupt();
            return interrupted(subject, e);
        }
        if (!(e instanceof KubernetesClientException kce)) {
            return connectionOrOther(subject, e);
        }
        int code = kce.getCode();
        if (code <= 0) {
            if (notServedByClient(kce)) {
                return notServed(subject, kce);
            }
            return connectionOrOther(subject, kce);
        }
        Status status = kce.getStatus();
        String statusReason = status == null || status.getReason() == null ? "" : status.getReason();
        String message = serverMessage(subject, kce);
        Reason reason = reason(code, statusReason, message);
        if (reason == Reason.KIND_NOT_SERVED) {
            return notServed(subject, kce);
        }
        String label = statusReason.isBlank() ? label(code) : statusReason;
        String text = subject.failed() + " (" + label + "): " + message + hint(subject, reason, message);
        return new ClusterException(reason, code, text, subject.secret() ? null : kce);
    }

    static Reason reason(int code, String statusReason, String message) {
        return switch (code) {
            case 400 -> Reason.INVALID;
            case 401 -> Reason.UNAUTHORIZED;
            case 403 -> Reason.FORBIDDEN;
            case 404 -> message.contains(NOT_SERVED_MESSAGE) ? Reason.KIND_NOT_SERVED : Reason.NOT_FOUND;
            case 409 -> "AlreadyExists".equals(statusReason) ? Reason.ALREADY_EXISTS : Reason.CONFLICT;
            case 422 -> message.contains("field is immutable") ? Reason.IMMUTABLE_FIELD : Reason.INVALID;
            case 429 -> Reason.TOO_MANY_REQUESTS;
            default -> code >= 500 && code < 600 ? Reason.SERVER_ERROR : Reason.OTHER;
        };
    }

    /** The failure for a kind that discovery does not list. */
    static ClusterException notServed(Subject subject, String apiVersion, Throwable cause) {
        String kind = subject.kind();
        return new ClusterException(
                Reason.KIND_NOT_SERVED,
                cause instanceof KubernetesClientException kce && kce.getCode() > 0 ? kce.getCode() : 0,
                subject.text() + ": no kind " + kind + " in " + apiVersion + " is served — its"
                        + " CustomResourceDefinition is missing or not Established yet",
                cause);
    }

    static ClusterException interrupted(Subject subject, Throwable cause) {
        return new ClusterException(
                Reason.INTERRUPTED, 0, subject.failed() + ": interrupted — the build was aborted", cause);
    }

    private static ClusterException notServed(Subject subject, KubernetesClientException kce) {
        return notServed(subject, subject.apiVersion(), kce);
    }

    private static boolean notServedByClient(KubernetesClientException kce) {
        String message = kce.getMessage() == null ? "" : kce.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("could not find the metadata")
                || message.contains("could not find a registered handler");
    }

    private static ClusterException connectionOrOther(Subject subject, RuntimeException e) {
        Throwable root = e;
        boolean connection = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof IOException || t instanceof TimeoutException) {
                connection = true;
            }
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (connection) {
            return new ClusterException(
                    Reason.CONNECTION,
                    0,
                    subject.failed() + " (connection): " + cause
                            + " — check the server address and that it is reachable",
                    e);
        }
        return new ClusterException(
                Reason.OTHER, 0, subject.failed() + ": " + mask(subject, cause), subject.secret() ? null : e);
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException
                    || (t instanceof InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static String serverMessage(Subject subject, KubernetesClientException kce) {
        Status status = kce.getStatus();
        String message = status != null
                        && status.getMessage() != null
                        && !status.getMessage().isBlank()
                ? status.getMessage()
                : kce.getMessage();
        return mask(subject, message == null ? "no message" : message);
    }

    static String mask(Subject subject, String message) {
        if (!subject.secret()) {
            return message;
        }
        String masked = INVALID_VALUE.matcher(message).replaceAll("Invalid value: \"****\"");
        return DATA_MAP.matcher(masked).replaceAll("$1: {****}");
    }

    private static String hint(Subject subject, Reason reason, String message) {
        return switch (reason) {
            case CONFLICT ->
                message.contains("modified")
                        ? " — read the object again and retry"
                        : " — set force or remove the other manager";
            case IMMUTABLE_FIELD -> " — delete and recreate the object (force: true)";
            case NOT_FOUND -> "apply".equals(subject.verb()) ? " — is its namespace created first?" : "";
            case UNAUTHORIZED -> " — check the credentials of the cluster connection";
            case FORBIDDEN -> " — grant the service account this verb in its Role";
            case TOO_MANY_REQUESTS, SERVER_ERROR -> " — the API server is overloaded or failing";
            default -> "";
        };
    }

    private static String label(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "HTTP " + code;
        };
    }
}
