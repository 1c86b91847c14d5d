package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String TOKEN = "ghp-t0ken-in-a-message";

    @Test
    void shouldMaskMessagesAndKeepEachUnitsPlaceInThePlan() {
        UnitReport unit = new UnitReport(
                        "flux-system/apps",
                        "Kustomization",
                        UnitStatus.FAILED,
                        "ArtifactFailed",
                        "cannot fetch https://x:" + TOKEN + "@git.example/fleet.git",
                        "main@sha1:1",
                        List.of(),
                        List.of(),
                        List.of(),
                        12)
                .withPlacement(3, List.of("flux-system/infra"), "flux-system/flux-system");
        ReconcileReport report = new ReconcileReport(
                "ws", "main@sha1:1", "clusters/prod", false, List.of(unit), List.of(), List.of(), 0, 1);
        SecretRedactor redactor = new SecretRedactor();
        redactor.register(TOKEN);

        UnitReport masked = Redaction.report(report, redactor).units().get(0);

        assertThat(masked.message()).doesNotContain(TOKEN);
        assertThat(masked.wave()).isEqualTo(3);
        assertThat(masked.dependsOn()).containsExactly("flux-system/infra");
        assertThat(masked.parent()).isEqualTo("flux-system/flux-system");
    }

    @Test
    void shouldMaskDriftChecksAndHealthToo() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register(TOKEN);
        DriftReport drift = new DriftReport(
                "main@sha1:1",
                List.of(
                        new DriftReport.UnitDrift(
                                "flux-system/apps",
                                List.of(new Diff("Secret/apps/git", Action.CONFIGURED, true, "-  token: " + TOKEN)),
                                null),
                        new DriftReport.UnitDrift("flux-system/infra", List.of(), "cannot fetch x:" + TOKEN + "@git")));
        AgentResult result = new AgentResult(
                Operation.DIFF,
                null,
                null,
                drift,
                new AgentResult.Health("Failed", "login " + TOKEN + " refused", List.of("Secret/apps/" + TOKEN)),
                null,
                false);

        AgentResult masked = Redaction.result(result, redactor);

        assertThat(masked.drift().units().get(0).diffs().get(0).text()).doesNotContain(TOKEN);
        assertThat(masked.drift().units().get(0).diffs().get(0).drifted()).isTrue();
        assertThat(masked.drift().units().get(1).error()).doesNotContain(TOKEN).contains("cannot fetch");
        assertThat(masked.health().summary()).doesNotContain(TOKEN);
        assertThat(masked.health().objects()).noneMatch(o -> o.contains(TOKEN));
    }
}
