package io.jenkins.plugins.gitops.core.render;

/**
 * A path that cannot be built. The message names the unit, the folder or file, and what to do
 * (for example: install kustomize, or fix the file it names).
 */
public class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderException(String message) {
        super(message);
    }
}
