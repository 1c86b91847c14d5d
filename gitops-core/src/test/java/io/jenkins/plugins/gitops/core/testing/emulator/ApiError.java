package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;

/**
 * A failed request, answered with a {@code Status} body shaped like the real server's (status
 * {@code Failure}, a reason, a message, details naming the object and the HTTP code).
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final String name;
    private final String group;
    private final String kind;
    private final List<Cause> causes;
    private final String retryAfterSeconds;

    record Cause(String type, String message, String field) {}

    ApiError(int code, String reason, String message, String name, String group, String kind) {
        this(code, reason, message, name, group, kind, List.of(), null);
    }

    ApiError(
            int code,
            String reason,
            String message,
            String name,
            String group,
            String kind,
            List<Cause> causes,
            String retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code configmaps "x"} or {@code deployments.apps "x"}, as the real server names objects. */
    static String qualified(String group, String plural, String name) {
        return (group == null || group.isEmpty() ? plural : plural + "." + group) + " \"" + name + "\"";
    }

    static ApiError notFound(String group, String plural, String name) {
        return new ApiError(404, "NotFound", qualified(group, plural, name) + " not found", name, group, plural);
    }

    static ApiError namespaceNotFound(String namespace) {
        return notFound("", "namespaces", namespace);
    }

    static ApiError notServed() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource", null, null, null);
    }

    static ApiError alreadyExists(String group, String plural, String name) {
        return new ApiError(
                409, "AlreadyExists", qualified(group, plural, name) + " already exists", name, group, plural);
    }

    static ApiError staleResourceVersion(String group, String plural, String name) {
        return new ApiError(
                409,
                "Conflict",
                "Operation cannot be fulfilled on " + qualified(group, plural, name)
                        + ": the object has been modified; please apply your changes to the latest version and try"
                        + " again",
                name,
                group,
                plural);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null, null, null);
    }

    static ApiError invalid(String kind, String name, String message) {
        return new ApiError(422, "Invalid", kind + " \"" + name + "\" is invalid: " + message, name, null, kind);
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format: " + contentType,
                null,
                null,
                null);
    }

    static ApiError methodNotAllowed() {
        return new ApiError(
                405,
                "MethodNotAllowed",
                "the server does not allow this method on the requested resource",
                null,
                null,
                null);
    }

    /** The reason the real server gives for a code, for injected faults. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 410 -> "Expired";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "Unknown";
        };
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    ObjectNode toStatus() {
        ObjectNode status = JsonTrees.JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", getMessage());
        status.put("reason", reason);
        ObjectNode details = status.putObject("details");
        if (name != null) {
            details.put("name", name);
        }
        if (group != null && !group.isEmpty()) {
            details.put("group", group);
        }
        if (kind != null) {
            details.put("kind", kind);
        }
        if (!causes.isEmpty()) {
            ArrayNode list = details.putArray("causes");
            for (Cause cause : causes) {
                ObjectNode entry = list.addObject();
                entry.put("reason", cause.type());
                entry.put("message", cause.message());
                entry.put("field", cause.field());
            }
        }
        if (retryAfterSeconds != null) {
            details.put("retryAfterSeconds", Integer.parseInt(retryAfterSeconds));
        }
        status.put("code", code);
        return status;
    }

    MockResponse toResponse() {
        MockResponse response = Responses.json(code, toStatus());
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", retryAfterSeconds);
        }
        return response;
    }
}
