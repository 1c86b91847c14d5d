package io.jenkins.plugins.gitops.jenkins.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeModelTest {

    @Test
    void shouldShowHealthFailedForAFailedHealthCheck() {
        BadgeModel badge = BadgeModel.of(PlatformRun.failedRun());
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.isHealthFailed()).isTrue();
        assertThat(badge.isDriftFound()).isFalse();
        assertThat(badge.getTooltip()).isEqualTo("GitOps: health failed in 1 unit");
    }

    @Test
    void shouldShowNothingForAHealthyRunOrACleanDriftCheck() {
        assertThat(BadgeModel.of(PlatformRun.run(PlatformRun.REVISION, false, 1))
                        .isVisible())
                .isFalse();
        assertThat(BadgeModel.of(PlatformRun.drift(false)).isVisible()).isFalse();
        assertThat(BadgeModel.of(0, 0).getTooltip()).isEmpty();
    }

    @Test
    void shouldShowDriftAndCombine() {
        BadgeModel drift = BadgeModel.of(PlatformRun.drift(true));
        assertThat(drift.isDriftFound()).isTrue();
        assertThat(drift.getDriftedUnits()).isEqualTo(2);
        BadgeModel both = drift.and(BadgeModel.of(PlatformRun.failedRun()));
        assertThat(both.getTooltip()).isEqualTo("GitOps: health failed in 1 unit, drift in 2 units");
        assertThat(both).isEqualTo(BadgeModel.of(1, 2));
    }
}
