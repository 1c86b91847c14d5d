package io.jenkins.plugins.gitops.jenkins.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dotted property chains of one JEXL expression ({@code it.model.summary.counts}, {@code
 * fleets.isEmpty()}, {@code size(unit.objects)}), found by a small tokenizer rather than a JEXL
 * parser: literals, operators and keywords ({@code ==}, {@code &&}, {@code empty}, {@code ?:},
 * strings, numbers, {@code null}) are stepped over, and what is left are the chains the views
 * navigate. The arguments of calls and indexes are searched for chains of their own.
 */
final class JexlChains {

    /** JEXL's word operators and literals: never the root of a chain. */
    private static final Set<String> KEYWORDS = Set.of(
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "true",
            "false",
            "null",
            "instanceof");

    /** One step of a chain after its root. */
    sealed interface Segment {
        String text();
    }

    /** {@code .name}: a getter, an {@code is} method, a map key or a public field. */
    record Property(String name) implements Segment {
        @Override
        public String text() {
            return "." + name;
        }
    }

    /** {@code .name(a, b)}: a public method with that many parameters. */
    record Call(String name, int arity) implements Segment {
        @Override
        public String text() {
            return "." + name + "(" + "_, ".repeat(Math.max(0, arity - 1)) + (arity > 0 ? "_" : "") + ")";
        }
    }

    /** {@code [i]}: an element of a list or an array, or a map's value. */
    record Index() implements Segment {
        @Override
        public String text() {
            return "[_]";
        }
    }

    /**
     * A chain: a variable, or a JEXL function such as {@code size(x)} when {@code functionArity} is
     * not negative, followed by its segments.
     */
    record Chain(String root, int functionArity, List<Segment> segments) {
        boolean isFunction() {
            return functionArity >= 0;
        }

        String text() {
            StringBuilder out = new StringBuilder(root);
            if (isFunction()) {
                out.append("(…)");
            }
            segments.forEach(s -> out.append(s.text()));
            return out.toString();
        }
    }

    /** Every chain of an expression, outer ones before the ones in their arguments. */
    record Parsed(List<Chain> chains, boolean single) {
        /** The chain the whole expression is, if it is nothing but one chain. */
        Optional<Chain> sole() {
            return single ? Optional.of(chains.get(0)) : Optional.empty();
        }
    }

    private enum Kind {
        IDENT,
        NUMBER,
        STRING,
        DOT,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        COMMA,
        OPERATOR
    }

    private record Token(Kind kind, String text) {}

    private final List<Token> tokens;
    private final List<Chain> chains = new ArrayList<>();

    private JexlChains(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses the text between {@code ${} and {@code }}.
     *
     * @throws IllegalArgumentException when a string or a bracket is not closed
     */
    static Parsed parse(String expression) {
        JexlChains parser = new JexlChains(tokenize(expression));
        int size = parser.tokens.size();
        boolean startsWithChain = size > 0
                && parser.tokens.get(0).kind() == Kind.IDENT
                && !KEYWORDS.contains(parser.tokens.get(0).text());
        int end = startsWithChain ? parser.chain(0, size) : 0;
        parser.scan(end, size);
        return new Parsed(List.copyOf(parser.chains), startsWithChain && end == size);
    }

    /** Records the chains in {@code [from, to)}. */
    private void scan(int from, int to) {
        int i = from;
        while (i < to) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.IDENT && !KEYWORDS.contains(token.text())) {
                i = chain(i, to);
            } else {
                i++;
            }
        }
    }

    /** Records the chain starting at {@code start} and those in its arguments; returns where it ends. */
    private int chain(int start, int to) {
        String root = tokens.get(start).text();
        int i = start + 1;
        int functionArity = -1;
        List<Chain> inner = new ArrayList<>();
        if (is(i, to, Kind.OPEN_PAREN)) {
            int close = matching(i, to);
            functionArity = arity(i, close);
            inner.addAll(nested(i + 1, close));
            i = close + 1;
        }
        List<Segment> segments = new ArrayList<>();
        while (i < to) {
            if (is(i, to, Kind.DOT) && is(i + 1, to, Kind.IDENT)) {
                String name = tokens.get(i + 1).text();
                i += 2;
                if (is(i, to, Kind.OPEN_PAREN)) {
                    int close = matching(i, to);
                    segments.add(new Call(name, arity(i, close)));
                    inner.addAll(nested(i + 1, close));
                    i = close + 1;
                } else {
                    segments.add(new Property(name));
                }
            } else if (is(i, to, Kind.OPEN_BRACKET)) {
                int close = matching(i, to);
                segments.add(new Index());
                inner.addAll(nested(i + 1, close));
                i = close + 1;
            } else {
                break;
            }
        }
        chains.add(new Chain(root, functionArity, List.copyOf(segments)));
        chains.addAll(inner);
        return i;
    }

    private List<Chain> nested(int from, int to) {
        JexlChains sub = new JexlChains(tokens);
        sub.scan(from, to);
        return sub.chains;
    }

    private boolean is(int i, int to, Kind kind) {
        return i < to && tokens.get(i).kind() == kind;
    }

    /** The index of the bracket closing the one at {@code open}. */
    private int matching(int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            Kind kind = tokens.get(i).kind();
            if (kind == Kind.OPEN_PAREN || kind == Kind.OPEN_BRACKET) {
                depth++;
            } else if (kind == Kind.CLOSE_PAREN || kind == Kind.CLOSE_BRACKET) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unclosed " + tokens.get(open).text());
    }

    /** The number of arguments between the brackets at {@code open} and {@code close}. */
    private int arity(int open, int close) {
        if (close == open + 1) {
            return 0;
        }
        int commas = 0;
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Kind kind = tokens.get(i).kind();
            if (kind == Kind.OPEN_PAREN || kind == Kind.OPEN_BRACKET) {
                depth++;
            } else if (kind == Kind.CLOSE_PAREN || kind == Kind.CLOSE_BRACKET) {
                depth--;
            } else if (kind == Kind.COMMA && depth == 0) {
                commas++;
            }
        }
        return commas + 1;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length()) {
                    throw new IllegalArgumentException("unclosed string " + text.substring(i));
                }
                tokens.add(new Token(Kind.STRING, text.substring(i, end + 1)));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end)));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(i, end)));
                i = end;
            } else {
                tokens.add(new Token(punctuation(c), String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static Kind punctuation(char c) {
        return switch (c) {
            case '.' -> Kind.DOT;
            case '(' -> Kind.OPEN_PAREN;
            case ')' -> Kind.CLOSE_PAREN;
            case '[' -> Kind.OPEN_BRACKET;
            case ']' -> Kind.CLOSE_BRACKET;
            case ',' -> Kind.COMMA;
            default -> Kind.OPERATOR;
        };
    }
}
