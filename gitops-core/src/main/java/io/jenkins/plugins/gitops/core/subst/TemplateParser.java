package io.jenkins.plugins.gitops.core.subst;

import io.jenkins.plugins.gitops.core.subst.Template.Expansion;
import io.jenkins.plugins.gitops.core.subst.Template.Literal;
import io.jenkins.plugins.gitops.core.subst.Template.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Parses the shell-like syntax of Flux's envsubst fork ({@code fluxcd/pkg/envsubst}).
 *
 * <p>Only the braced form is an expansion: {@code $var} stays literal, so scripts embedded in
 * ConfigMaps survive. {@code $$} is an escape for {@code $} in plain text and in the pattern and
 * replacement of {@code ${v/a/b}}, which also honours {@code \/} and {@code \\}; elsewhere inside
 * braces (defaults, offsets) no escape applies. The error texts are Flux's, so users can search for
 * them.
 */
final class TemplateParser {

    static final String BAD_SUBSTITUTION = "bad substitution";
    static final String MISSING_BRACE = "missing closing brace";
    static final String BAD_NAME = "unable to parse variable name";
    static final String BAD_ARGUMENT = "unable to parse substitution within function";

    private final int[] text;
    private int pos;

    private TemplateParser(String text) {
        this.text = text.codePoints().toArray();
    }

    static Template parse(String text) {
        TemplateParser parser = new TemplateParser(text);
        List<Part> parts = new ArrayList<>();
        while (!parser.atEnd()) {
            if (parser.atOpening()) {
                parser.pos += 2;
                parts.add(parser.expansion());
            } else {
                parts.add(parser.plainText());
            }
        }
        return new Template(parts);
    }

    private Literal plainText() {
        StringBuilder out = new StringBuilder();
        while (!atEnd() && !atOpening()) {
            if (at(0) == '$' && at(1) == '$') {
                out.append('$');
                pos += 2;
            } else {
                out.appendCodePoint(text[pos++]);
            }
        }
        return new Literal(out.toString());
    }

    private Expansion expansion() {
        if (at(0) == '#') {
            pos++;
            String variable = identifier(BAD_SUBSTITUTION);
            close();
            return new Expansion(variable, "#", List.of());
        }
        String variable = identifier(BAD_NAME);
        int next = at(0);
        if (next == ':') {
            return isDefaultOperator(at(1)) ? defaultValue(variable) : substring(variable);
        }
        if (next == '=') {
            return defaultValue(variable);
        }
        if (next == ',' || next == '^') {
            String operator = operator(c -> c == ',' || c == '^', 2);
            close();
            return new Expansion(variable, operator, List.of());
        }
        if (next == '/') {
            return replacement(variable);
        }
        if (next == '#' || next == '%') {
            String operator = operator(c -> c == next, 2);
            Part pattern = argument(c -> c != '}', false);
            close();
            return new Expansion(variable, operator, List.of(pattern));
        }
        if (next != '}') {
            throw EnvsubstException.syntax(MISSING_BRACE);
        }
        pos++;
        return new Expansion(variable, "", List.of());
    }

    private static boolean isDefaultOperator(int c) {
        return c == '=' || c == '-' || c == '?' || c == '+';
    }

    /** {@code =word} or {@code :=word}, {@code :-word}, {@code :?word}, {@code :+word}. */
    private Expansion defaultValue(String variable) {
        String operator = at(0) == '=' ? operator(c -> c == '=', 1) : operator(c -> true, 2);
        List<Part> args = new ArrayList<>();
        while (at(0) != '}') {
            args.add(argument(c -> c != '}', false));
        }
        pos++;
        return new Expansion(variable, operator, args);
    }

    /** {@code :offset} or {@code :offset:length}; a run of colons counts as one separator. */
    private Expansion substring(String variable) {
        String operator = operator(c -> c == ':', 1);
        List<Part> args = new ArrayList<>();
        args.add(argument(c -> c != ':' && c != '}', false));
        if (at(0) == '}') {
            pos++;
            return new Expansion(variable, operator, args);
        }
        if (at(0) != ':') {
            throw EnvsubstException.syntax(BAD_SUBSTITUTION);
        }
        operator(c -> c == ':', Integer.MAX_VALUE);
        args.add(argument(c -> c != '}', false));
        close();
        return new Expansion(variable, operator, args);
    }

    /** {@code /pattern/replacement}, with {@code //}, {@code /#} and {@code /%} variants. */
    private Expansion replacement(String variable) {
        pos++;
        String operator = "/";
        if (at(0) == '/' || at(0) == '#' || at(0) == '%') {
            operator += Character.toString(text[pos++]);
        }
        List<Part> args = new ArrayList<>();
        args.add(argument(c -> c != '/', true));
        if (at(0) != '/') {
            throw EnvsubstException.syntax(BAD_SUBSTITUTION);
        }
        operator(c -> c == '/', Integer.MAX_VALUE);
        if (at(0) == '}') {
            pos++;
            return new Expansion(variable, operator, args);
        }
        args.add(argument(c -> c != '}', true));
        close();
        return new Expansion(variable, operator, args);
    }

    /**
     * One argument: a nested expansion, or a non-empty run of accepted characters that stops before
     * a nested {@code ${}.
     */
    private Part argument(IntPredicate accepted, boolean escapes) {
        if (atOpening()) {
            pos += 2;
            return expansion();
        }
        StringBuilder out = new StringBuilder();
        while (!atEnd() && !atOpening()) {
            if (escapes && atEscape()) {
                out.appendCodePoint(text[pos + 1]);
                pos += 2;
            } else if (accepted.test(text[pos])) {
                out.appendCodePoint(text[pos++]);
            } else {
                break;
            }
        }
        if (out.length() == 0) {
            throw EnvsubstException.syntax(BAD_ARGUMENT);
        }
        return new Literal(out.toString());
    }

    private boolean atEscape() {
        int next = at(1);
        return (at(0) == '$' && next == '$') || (at(0) == '\\' && (next == '/' || next == '\\'));
    }

    private String identifier(String error) {
        int start = pos;
        while (!atEnd() && isIdentifierChar(text[pos])) {
            pos++;
        }
        if (start == pos) {
            throw EnvsubstException.syntax(error);
        }
        return new String(text, start, pos - start);
    }

    /** Flux accepts any Unicode letter or digit here; only the variable map is held to ASCII. */
    private static boolean isIdentifierChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_';
    }

    private String operator(IntPredicate accepted, int maxLength) {
        int start = pos;
        while (!atEnd() && pos - start < maxLength && accepted.test(text[pos])) {
            pos++;
        }
        return new String(text, start, pos - start);
    }

    private void close() {
        if (at(0) != '}') {
            throw EnvsubstException.syntax(BAD_SUBSTITUTION);
        }
        pos++;
    }

    private boolean atOpening() {
        return at(0) == '$' && at(1) == '{';
    }

    private boolean atEnd() {
        return pos >= text.length;
    }

    /** The code point {@code offset} places ahead, or -1 past the end. */
    private int at(int offset) {
        int i = pos + offset;
        return i < text.length ? text[i] : -1;
    }
}
