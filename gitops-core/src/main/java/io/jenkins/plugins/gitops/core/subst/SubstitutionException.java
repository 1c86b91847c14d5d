package io.jenkins.plugins.gitops.core.subst;

/**
 * postBuild substitution failed for one object, or a variable name is unusable. The message names
 * the object ({@code Kind/namespace/name} as rendered, before substitution), the file it came from,
 * the variable when one is to blame, and what to do; it never contains a variable's value.
 */
public final class SubstitutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String origin;
    private final String variable;

    SubstitutionException(String subject, String origin, String variable, String message, Throwable cause) {
        super(message, cause);
        this.subject = subject;
        this.origin = origin;
        this.variable = variable;
    }

    /** The object as {@code Kind/namespace/name}; empty for a bad variable name. */
    public String subject() {
        return subject;
    }

    /** The file that produced the object, as in {@code Manifest.origin()}; may be empty. */
    public String origin() {
        return origin;
    }

    /** The variable at fault; empty for syntax errors that concern no single variable. */
    public String variable() {
        return variable;
    }
}
