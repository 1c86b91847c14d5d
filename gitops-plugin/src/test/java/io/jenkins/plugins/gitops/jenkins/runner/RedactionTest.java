package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.model.SecretRedactor;
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
}
