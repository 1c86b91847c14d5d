package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private static RunSettings settings(String repository, List<String> units) {
        return new RunSettings(
                Operation.APPLY,
                " clusters/prod ",
                repository,
                "main",
                "prod-kubeconfig",
                "",
                "git-token",
                units,
                null,
                null,
                false,
                0,
                0,
                "",
                "unstable",
                false);
    }

    @Test
    void shouldNormaliseItsParametersAsTheRecordDid() {
        RunSettings s = settings(null, Arrays.asList(" apps/web ", "", null, "apps/api"));

        assertThat(s.path()).isEqualTo("clusters/prod");
        assertThat(s.repository()).isEmpty();
        assertThat(s.context()).isEmpty();
        assertThat(s.units()).containsExactly("apps/web", "apps/api");
        assertThat(s.objects()).isEmpty();
        assertThat(s.failOn()).isEqualTo("UNSTABLE");
        assertThat(s.fleetName()).isEqualTo("workspace#clusters/prod");
        assertThatThrownBy(() -> s.units().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldKeepItsOwnCopyOfTheLists() {
        List<String> units = new ArrayList<>(List.of("apps/web"));
        RunSettings s = settings("", units);
        units.add("apps/api");

        assertThat(s.units()).containsExactly("apps/web");
        assertThat(s).isEqualTo(settings("", List.of("apps/web"))).hasSameHashCodeAs(settings("", List.of("apps/web")));
        assertThat(s).isNotEqualTo(settings("", List.of("apps/api")));
    }

    @Test
    void shouldShowCredentialIdsButNoSecretInToString() {
        RunSettings s = settings("https://bot:s3cr3t-token@git.example/fleet.git", List.of());

        assertThat(s.toString())
                .contains("prod-kubeconfig", "git-token", "git.example/fleet.git")
                .doesNotContain("s3cr3t-token")
                .doesNotContain("bot:");
    }
}
