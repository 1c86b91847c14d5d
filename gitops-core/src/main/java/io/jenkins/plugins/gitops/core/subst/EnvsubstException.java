package io.jenkins.plugins.gitops.core.subst;

/**
 * Why a text could not be expanded. {@code variable} names the unset variable in strict mode and is
 * empty for syntax errors.
 */
final class EnvsubstException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    EnvsubstException(String message, String variable) {
        super(message);
        this.variable = variable == null ? "" : variable;
    }

    static EnvsubstException syntax(String message) {
        return new EnvsubstException(message, "");
    }

    static EnvsubstException unset(String variable) {
        return new EnvsubstException("variable not set (strict mode): \"" + variable + "\"", variable);
    }

    String variable() {
        return variable;
    }
}
