package io.jenkins.plugins.gitops.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelHealthCheckTest {

    private static final String SYNCED = "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'True')";
    private static final String NOT_SYNCED =
            "status.conditions.filter(e, e.type == 'Synced').all(e, e.status == 'False')";

    private static CelHealthCheck sealedSecrets() {
        return CelHealthCheck.compile("bitnami.com/v1alpha1", "SealedSecret", SYNCED, null, NOT_SYNCED);
    }

    @Test
    void shouldBeCurrentWhenTheCurrentExpressionIsTrue() {
        Health health = sealedSecrets().evaluate(Fixtures.load("cel-sealedsecret-synced.yaml"));

        assertThat(health).isEqualTo(Health.current("healthCheckExprs: current is true"));
    }

    @Test
    void shouldBeFailedWhenTheFailedExpressionIsTrue() {
        Health health = sealedSecrets().evaluate(Fixtures.load("cel-sealedsecret-not-synced.yaml"));

        assertThat(health).isEqualTo(Health.failed("healthCheckExprs: failed is true"));
    }

    @Test
    void shouldTryInProgressBeforeFailedAndCurrent() {
        CelHealthCheck check = CelHealthCheck.compile(
                "example.com/v2", "Widget", "status.readyReplicas >= 2", "status.phase == 'Rolling'", "true");

        Health health = check.evaluate(Fixtures.load("cel-widget-rollout.yaml"));

        assertThat(health).isEqualTo(Health.inProgress("healthCheckExprs: inProgress is true"));
    }

    @Test
    void shouldTryFailedBeforeCurrent() {
        CelHealthCheck check = CelHealthCheck.compile(
                "example.com/v2", "Widget", "status.readyReplicas >= 2", "", "status.readyReplicas < 3");

        assertThat(check.evaluate(Fixtures.load("cel-widget-rollout.yaml")).status())
                .isEqualTo(HealthStatus.FAILED);
    }

    @Test
    void shouldBeInProgressWhenNoExpressionIsTrue() {
        CelHealthCheck check =
                CelHealthCheck.compile("example.com/v2", "Widget", "status.readyReplicas == status.replicas", "", "");

        assertThat(check.evaluate(Fixtures.load("cel-widget-rollout.yaml")))
                .isEqualTo(Health.inProgress("healthCheckExprs: no expression is true yet"));
    }

    @Test
    void shouldBeInProgressWhileTheGenerationIsNotObserved() {
        Health health = sealedSecrets().evaluate(Fixtures.load("cel-sealedsecret-stale.yaml"));

        assertThat(health)
                .isEqualTo(Health.inProgress("generation 3 not observed yet (the controller last saw generation 2)"));
    }

    @Test
    void shouldSeeOtherTopLevelFieldsNumbersAsNumbersAndTheExtensions() {
        CelHealthCheck check = CelHealthCheck.compile(
                "example.com/v1",
                "Widget",
                "data.tier.startsWith('go') && status.readyReplicas > 1.5 && status.?missing.orValue(0) == 0",
                null,
                null);

        assertThat(check.evaluate(Fixtures.load("cel-widget-rollout.yaml")).status())
                .isEqualTo(HealthStatus.CURRENT);
    }

    @Test
    void shouldBeUnknownWhenAnExpressionRefersToAFieldTheObjectLacks() {
        Health health = sealedSecrets().evaluate(Fixtures.load("cel-sealedsecret-new.yaml"));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.message())
                .startsWith("healthCheckExprs: cannot evaluate the failed expression \"" + NOT_SYNCED + "\": ");
    }

    @Test
    void shouldBeUnknownWhenATopLevelFieldIsMissing() {
        CelHealthCheck check = CelHealthCheck.compile("example.com/v2", "Widget", "spec.size == 'small'", "", "");

        Health health = check.evaluate(Fixtures.load("cel-widget-rollout.yaml"));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.message()).contains("does not have");
    }

    @Test
    void shouldBeUnknownWhenAnExpressionIsNotBoolean() {
        CelHealthCheck check = CelHealthCheck.compile("example.com/v2", "Widget", "status.phase", "", "");

        Health health = check.evaluate(Fixtures.load("cel-widget-rollout.yaml"));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.message()).endsWith("not a boolean");
    }

    @Test
    void shouldReportACompileErrorNamingTheKindAndTheExpression() {
        assertThatThrownBy(() -> CelHealthCheck.compile(
                        "bitnami.com/v1alpha1", "SealedSecret", SYNCED, null, "status.conditions.exists(c, c.type ==)"))
                .isInstanceOf(CelExpressionException.class)
                .hasMessageStartingWith("healthCheckExprs for bitnami.com/v1alpha1 SealedSecret: the failed expression "
                        + "\"status.conditions.exists(c, c.type ==)\" does not compile: ")
                .hasMessageEndingWith("check the CEL syntax");
    }

    @Test
    void shouldReportTypeErrorsWhenCompiling() {
        assertThatThrownBy(() -> CelHealthCheck.compile("example.com/v1", "Widget", "1 + 'a' == 2", null, null))
                .isInstanceOf(CelExpressionException.class)
                .hasMessageContaining("the current expression \"1 + 'a' == 2\" does not compile")
                .hasMessageContaining("no matching overload");
    }

    @Test
    void shouldExplainThatTheObjectIsNotCalledSelf() {
        assertThatThrownBy(() -> CelHealthCheck.compile("example.com/v1", "Widget", "self.status.ready", null, null))
                .isInstanceOf(CelExpressionException.class)
                .hasMessageEndingWith("write status.x, not self.status.x");
    }

    @Test
    void shouldRequireTheCurrentExpression() {
        assertThatThrownBy(() -> CelHealthCheck.compile("example.com/v1", "Widget", " ", "true", null))
                .isInstanceOf(CelExpressionException.class)
                .hasMessage("healthCheckExprs for example.com/v1 Widget: the current expression is required");
    }

    @Test
    void shouldReplaceKStatusForItsGroupAndKindInAnyVersion() {
        Manifest widget = Fixtures.load("custom-ready-false.yaml"); // example.com/v1, Ready=False
        HealthChecks checks = HealthChecks.withExpressions(List.of(
                CelHealthCheck.compile("example.com/v2", "Widget", "true", null, null),
                CelHealthCheck.compile("example.com/v1", "Widget", "false", null, "true")));

        assertThat(KStatus.compute(widget, Fixtures.NOW).status()).isEqualTo(HealthStatus.IN_PROGRESS);
        assertThat(checks.check(widget, Fixtures.NOW)).isEqualTo(Health.current("healthCheckExprs: current is true"));
    }

    @Test
    void shouldLeaveOtherKindsToKStatus() {
        HealthChecks checks = HealthChecks.withExpressions(
                List.of(CelHealthCheck.compile("example.com/v1", "Widget", "true", null, null)));

        assertThat(checks.check(Fixtures.load("job-running.yaml"), Fixtures.NOW))
                .isEqualTo(Health.inProgress("job is running"));
    }
}
