package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void shouldReadBackWhatItWrites() {
        UnitReport unit = new UnitReport(
                        "flux-system/apps",
                        "Kustomization",
                        UnitStatus.FAILED,
                        "HealthCheckFailed",
                        "timeout waiting for: Deployment/apps/web InProgress: 1 of 3 replicas ready",
                        "main@sha1:abc",
                        List.of(
                                new Change("Deployment/apps/web", Action.CONFIGURED),
                                new Change("ConfigMap/apps/old", Action.SKIPPED, "prune disabled")),
                        List.of("apps_web_apps_Deployment"),
                        List.of(new ObjectHealth(
                                "Deployment/apps/web", HealthStatus.IN_PROGRESS, "1 of 3 replicas ready")),
                        1234)
                .withPlacement(2, List.of("flux-system/infra"), "flux-system/flux-system");
        ReconcileReport report = new ReconcileReport(
                "/fleet",
                "main@sha1:abc",
                "clusters/prod",
                false,
                List.of(unit),
                List.of(new Event(12, "flux-system/apps", "Warning", "HealthCheckFailed", "Failed: timeout")),
                List.of("a problem"),
                1_795_000_000_000L,
                5000);

        ReconcileReport read = ReportJson.read(ReportJson.write(report));

        assertThat(read).isEqualTo(report);
    }

    @Test
    void shouldRefuseTextThatIsNoReport() {
        assertThatThrownBy(() -> ReportJson.read("{\"units\":[{\"status\":\"Sleeping\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a gitops report");
    }
}
