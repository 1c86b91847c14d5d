package io.jenkins.plugins.gitops.core.cluster;

/**
 * A request the API server refused or could not answer. The message says subject, verb, cause and,
 * where one is known, a hint; {@link #reason()} tells the engine what to do about it.
 */
public class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed, as far as the engine needs to know. */
    public enum Reason {
        /** 404 for an object. */
        NOT_FOUND(false),
        /** The kind is not served (yet): its CRD is missing or not Established. */
        KIND_NOT_SERVED(false),
        /** 409: field-manager conflict or stale resourceVersion. */
        CONFLICT(false),
        /** 409 AlreadyExists on create. */
        ALREADY_EXISTS(false),
        /** 422 or 400: the object is not valid. */
        INVALID(false),
        /** 422 for a field that cannot change once set; recreating the object fixes it. */
        IMMUTABLE_FIELD(false),
        /** 401. */
        UNAUTHORIZED(false),
        /** 403. */
        FORBIDDEN(false),
        /** 429. */
        TOO_MANY_REQUESTS(true),
        /** 5xx. */
        SERVER_ERROR(true),
        /** The connection failed or timed out. */
        CONNECTION(true),
        /** The calling thread was interrupted (a build was aborted). */
        INTERRUPTED(false),
        /** Anything else. */
        OTHER(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final int code;

    public ClusterException(Reason reason, int code, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when there was none. */
    public int code() {
        return code;
    }
}
