package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a unit judges health: kstatus, with {@code healthCheckExprs} replacing it for the kinds they
 * name. When two entries name the same group and kind, the first one is used, as in Flux.
 */
public final class HealthChecks {

    private static final HealthChecks KSTATUS = new HealthChecks(List.of());

    private final List<CelHealthCheck> expressions;

    private HealthChecks(List<CelHealthCheck> expressions) {
        this.expressions = List.copyOf(expressions);
    }

    /** kstatus alone. */
    public static HealthChecks kstatus() {
        return KSTATUS;
    }

    /** kstatus, overridden per kind by {@code expressions}. */
    public static HealthChecks withExpressions(List<CelHealthCheck> expressions) {
        return expressions.isEmpty() ? KSTATUS : new HealthChecks(new ArrayList<>(expressions));
    }

    public Health check(Manifest live, Instant now) {
        for (CelHealthCheck check : expressions) {
            if (check.appliesTo(live)) {
                return check.evaluate(live);
            }
        }
        return KStatus.compute(live, now);
    }
}
