package io.jenkins.plugins.gitops.core.health;

/**
 * A {@code healthCheckExprs} entry that cannot be used: an expression that does not compile, or a
 * missing {@code current} expression. Terminal: the configuration must change.
 */
public class CelExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CelExpressionException(String message) {
        super(message);
    }
}
