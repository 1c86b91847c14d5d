package io.jenkins.plugins.gitops.core.source;

/** A source that cannot be fetched or read; the message says which, from where, and why. */
public class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceException(String message) {
        super(message);
    }
}
