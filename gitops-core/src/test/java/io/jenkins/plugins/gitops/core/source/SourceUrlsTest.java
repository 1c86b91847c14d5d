package io.jenkins.plugins.gitops.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.plan.FakeFleet;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import org.junit.jupiter.api.Test;

class SourceUrlsTest {

    @Test
    void shouldDropCredentialsFromEveryUrlInATextAndKeepTheRest() {
        assertThat(SourceUrls.withoutUserInfo(
                        "fetch https://bot:s3cr3t-token@git.example/a.git and ssh://git@host/b.git"))
                .isEqualTo("fetch https://git.example/a.git and ssh://host/b.git");
        assertThat(SourceUrls.withoutUserInfo("https://git.example/a.git")).isEqualTo("https://git.example/a.git");
        assertThat(SourceUrls.withoutUserInfo(null)).isNull();
    }

    @Test
    void shouldKeepCredentialsOutOfTheFleetNameThatKeysStateFiles() {
        String name = ReconcileEngine.fleetName(
                FleetRequest.of("https://bot:s3cr3t-token@git.example/fleet.git/", "./clusters/prod/"));

        assertThat(name).isEqualTo("https://git.example/fleet.git#clusters/prod");
    }

    @Test
    void shouldKeepCredentialsOutOfThePlanWhenTheEntryRepositoryCannotBeFetched(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path scratch) {
        var plan = new FakeFleet()
                .planner(scratch)
                .plan(FleetRequest.of("https://bot:s3cr3t-token@git.invalid/fleet.git", "clusters/prod"));

        assertThat(plan.sourceUrl()).isEqualTo("https://git.invalid/fleet.git");
        assertThat(plan.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                .doesNotContain("s3cr3t"));
        assertThat(plan.units())
                .allSatisfy(u -> assertThat(String.valueOf(u.error())).doesNotContain("s3cr3t"));
    }
}
