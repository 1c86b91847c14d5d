package io.jenkins.plugins.gitops.core.subst;

import io.jenkins.plugins.gitops.core.subst.Template.Expansion;
import io.jenkins.plugins.gitops.core.subst.Template.Literal;
import io.jenkins.plugins.gitops.core.subst.Template.Part;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code ${...}} in a text the way Flux's envsubst does.
 *
 * <p>Non-strict, an unset variable reads as empty. Strict, it is an error unless its operator
 * supplies a default ({@code ${v:=x}}, {@code ${v=x}}...); transformations such as {@code ${#v}} or
 * {@code ${v^^}} still fail. Arguments are expanded before the variable is looked at, so a nested
 * unset variable fails in strict mode even when its default is not needed.
 */
final class Envsubst {

    private final Map<String, String> variables;
    private final boolean strict;

    Envsubst(Map<String, String> variables, boolean strict) {
        this.variables = Map.copyOf(variables);
        this.strict = strict;
    }

    String expand(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Part part : TemplateParser.parse(text).parts()) {
            out.append(evaluate(part));
        }
        return out.toString();
    }

    /** Every variable the text refers to, nested ones included, in order of appearance. */
    static Set<String> referencedVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        collect(TemplateParser.parse(text).parts(), names);
        return names;
    }

    private static void collect(List<Part> parts, Set<String> names) {
        for (Part part : parts) {
            if (part instanceof Expansion expansion) {
                names.add(expansion.variable());
                collect(expansion.args(), names);
            }
        }
    }

    private String evaluate(Part part) {
        if (part instanceof Literal literal) {
            return literal.text();
        }
        Expansion expansion = (Expansion) part;
        List<String> args = new ArrayList<>(expansion.args().size());
        for (Part arg : expansion.args()) {
            args.add(evaluate(arg));
        }
        String value = variables.get(expansion.variable());
        if (value == null) {
            if (strict && !ShellFunctions.DEFAULT_OPERATORS.contains(expansion.operator())) {
                throw EnvsubstException.unset(expansion.variable());
            }
            value = "";
        }
        return ShellFunctions.apply(expansion.operator(), value, args);
    }
}
