package io.jenkins.plugins.gitops.core.subst;

import java.util.List;

/**
 * A parsed text: literal parts and {@code ${...}} expansions. Expansion arguments are templates of
 * their own, since defaults may nest ({@code ${a:=${b}}}).
 */
record Template(List<Part> parts) {

    Template {
        parts = List.copyOf(parts);
    }

    sealed interface Part permits Literal, Expansion {}

    /** Text copied as is; escapes such as {@code $$} are already resolved. */
    record Literal(String text) implements Part {}

    /**
     * {@code ${variable<operator>args}}. The operator is the raw token ({@code ""} for a bare
     * reference, {@code ":="}, {@code "//"}, {@code "#"}...): unknown operators still parse and act as
     * defaults, as in Flux.
     */
    record Expansion(String variable, String operator, List<Part> args) implements Part {
        Expansion {
            args = List.copyOf(args);
        }
    }
}
