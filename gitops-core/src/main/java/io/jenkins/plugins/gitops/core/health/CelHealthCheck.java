package io.jenkins.plugins.gitops.core.health;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code healthCheckExprs} entry of a Kustomization: CEL expressions that decide the health of
 * objects of one group and kind in place of kstatus, as Flux's {@code runtime/cel} does.
 *
 * <p>The expressions see the object's top-level fields as variables ({@code status.phase == 'Ready'},
 * not {@code self.status...}). A {@code status.observedGeneration} that differs from {@code
 * metadata.generation} is InProgress; then {@code inProgress}, {@code failed} and {@code current}
 * are tried in that order (Flux RFC 0009) and the first that is true decides; when none is, the
 * object is InProgress. An expression that cannot be evaluated on an object (a field it lacks)
 * gives Unknown, so a wait goes on until its timeout, as in Flux.
 */
public final class CelHealthCheck {

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

    /** Objects of one kind rarely differ in their top-level fields; this bounds the odd ones. */
    private static final int MAX_CACHED_SHAPES = 16;

    private final String apiVersion;
    private final String kind;
    private final List<Expression> expressions;
    private final Map<Set<String>, List<Checked>> checkedByFields = new ConcurrentHashMap<>();

    private record Expression(String name, String text, HealthStatus status, CelAbstractSyntaxTree parsed) {}

    private record Checked(Expression expression, CelRuntime.Program program, String problem) {}

    private CelHealthCheck(String apiVersion, String kind, List<Expression> expressions) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.expressions = List.copyOf(expressions);
    }

    /**
     * Compiles an entry.
     *
     * @param current required
     * @param inProgress optional (null or empty)
     * @param failed optional (null or empty)
     * @throws CelExpressionException naming the kind and the expression when one does not compile
     */
    public static CelHealthCheck compile(
            String apiVersion, String kind, String current, String inProgress, String failed) {
        String subject = "healthCheckExprs for " + apiVersion + " " + kind;
        if (current == null || current.isBlank()) {
            throw new CelExpressionException(subject + ": the current expression is required");
        }
        List<Expression> expressions = new ArrayList<>();
        parse(subject, "inProgress", inProgress, HealthStatus.IN_PROGRESS).ifPresent(expressions::add);
        parse(subject, "failed", failed, HealthStatus.FAILED).ifPresent(expressions::add);
        parse(subject, "current", current, HealthStatus.CURRENT).ifPresent(expressions::add);
        return new CelHealthCheck(apiVersion, kind, expressions);
    }

    private static Optional<Expression> parse(String subject, String name, String text, HealthStatus status) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Cel cel = CelEnvironments.forFields(Set.of());
        CelValidationResult parsed = cel.parse(text);
        if (parsed.hasError()) {
            throw compileError(subject, name, text, parsed.getErrors());
        }
        CelAbstractSyntaxTree ast = ast(parsed);
        CelValidationResult checked = cel.check(ast);
        if (checked.hasError()) {
            // Names other than the standard fields may be top-level fields of some objects (Flux
            // only parses); everything else is a mistake worth reporting now.
            List<CelIssue> real = checked.getErrors().stream()
                    .filter(issue -> !isFieldReference(issue))
                    .toList();
            if (!real.isEmpty()) {
                throw compileError(subject, name, text, real);
            }
        }
        return Optional.of(new Expression(name, text, status, ast));
    }

    private static boolean isFieldReference(CelIssue issue) {
        Matcher m = UNDECLARED.matcher(issue.getMessage());
        return m.find() && !m.group(1).equals("self");
    }

    private static CelExpressionException compileError(
            String subject, String name, String text, List<CelIssue> issues) {
        String errors = describe(issues);
        String hint = errors.contains("'self'")
                ? " — the object's fields are the variables: write status.x, not self.status.x"
                : " — check the CEL syntax";
        return new CelExpressionException(
                subject + ": the " + name + " expression \"" + text + "\" does not compile: " + errors + hint);
    }

    /** Issues on one line each without CEL's source excerpt, which repeats the expression. */
    private static String describe(List<CelIssue> issues) {
        return issues.stream()
                .map(i -> "column " + (i.getSourceLocation().getColumn() + 1) + ": " + i.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but gave no AST", e);
        }
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    /** Whether the entry is for this object: same group and kind, any version (as in Flux). */
    public boolean appliesTo(Manifest live) {
        return live.kind().equals(kind) && live.group().equals(ResourceId.groupOf(apiVersion));
    }

    /** The object's health by these expressions. */
    public Health evaluate(Manifest live) {
        Optional<Health> generation = GenericHealth.unobservedGeneration(live);
        if (generation.isPresent()) {
            return generation.get();
        }
        Map<String, Object> variables = CelEnvironments.variables(live.body());
        for (Checked checked : checkedFor(variables.keySet())) {
            Expression e = checked.expression;
            if (checked.problem != null) {
                return unknown(e, checked.problem);
            }
            Object result;
            try {
                result = checked.program.eval(variables);
            } catch (CelEvaluationException ex) {
                return unknown(e, ex.getMessage());
            }
            if (result instanceof Boolean b) {
                if (b) {
                    return new Health(e.status, "healthCheckExprs: " + e.name + " is true");
                }
            } else if (result instanceof CelUnknownSet) {
                return unknown(
                        e,
                        "it refers to " + absentStandardFields(variables.keySet())
                                + ", which the object does not have");
            } else {
                return unknown(e, "it gives " + describe(result) + ", not a boolean");
            }
        }
        return Health.inProgress("healthCheckExprs: no expression is true yet");
    }

    private static String describe(Object result) {
        return result == null ? "null" : result.getClass().getSimpleName() + " " + result;
    }

    private static Health unknown(Expression e, String problem) {
        return new Health(
                HealthStatus.UNKNOWN,
                "healthCheckExprs: cannot evaluate the " + e.name + " expression \"" + e.text + "\": " + problem);
    }

    private List<Checked> checkedFor(Set<String> fields) {
        List<Checked> cached = checkedByFields.get(fields);
        if (cached != null) {
            return cached;
        }
        Cel cel = CelEnvironments.forFields(fields);
        List<Checked> checked = expressions.stream().map(e -> check(cel, e)).collect(Collectors.toList());
        if (checkedByFields.size() >= MAX_CACHED_SHAPES) {
            return checked;
        }
        List<Checked> raced = checkedByFields.putIfAbsent(Set.copyOf(fields), checked);
        return raced != null ? raced : checked;
    }

    private static Checked check(Cel cel, Expression e) {
        CelValidationResult result = cel.check(e.parsed);
        if (result.hasError()) {
            return new Checked(e, null, missing(result.getErrors()));
        }
        try {
            return new Checked(e, cel.createProgram(ast(result)), null);
        } catch (CelEvaluationException ex) {
            return new Checked(e, null, ex.getMessage());
        }
    }

    private static String absentStandardFields(Set<String> present) {
        return CelEnvironments.STANDARD_FIELDS.stream()
                .filter(f -> !present.contains(f))
                .sorted()
                .map(f -> "'" + f + "'")
                .collect(Collectors.joining(" or "));
    }

    private static String missing(List<CelIssue> issues) {
        List<String> names = new ArrayList<>();
        for (CelIssue issue : issues) {
            Matcher m = UNDECLARED.matcher(issue.getMessage());
            if (!m.find()) {
                return describe(issues);
            }
            names.add("'" + m.group(1) + "'");
        }
        return "it refers to " + String.join(", ", names) + ", which the object does not have";
    }

    @Override
    public String toString() {
        return "healthCheckExprs for " + apiVersion + " " + kind;
    }
}
