package io.jenkins.plugins.gitops.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverRangeTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                ">=1.0.0 <2.0.0 ; 1.0.0 ; true",
                ">=1.0.0 <2.0.0 ; 1.9.9 ; true",
                ">=1.0.0 <2.0.0 ; 2.0.0 ; false",
                ">=1.0.0, <2.0.0 ; 1.5.0 ; true",
                ">= 1.0.0 , < 2.0.0 ; 0.9.0 ; false",
                "~1.2 ; 1.2.9 ; true",
                "~1.2 ; 1.3.0 ; false",
                "~1.2.3 ; 1.2.2 ; false",
                "~1 ; 1.9.0 ; true",
                "~> 1.2 ; 1.2.5 ; true",
                "^1.2 ; 1.9.0 ; true",
                "^1.2 ; 2.0.0 ; false",
                "^1.2.3 ; 1.2.2 ; false",
                "^0.2.3 ; 0.2.9 ; true",
                "^0.2.3 ; 0.3.0 ; false",
                "^0.0.3 ; 0.0.4 ; false",
                "1.2.x ; 1.2.7 ; true",
                "1.2.x ; 1.3.0 ; false",
                "1.x ; 1.7.0 ; true",
                "* ; 9.9.9 ; true",
                "* ; 1.0.0-rc.1 ; false",
                "1.2.3 ; 1.2.3 ; true",
                "=1.2.3 ; 1.2.4 ; false",
                "!=1.2.3 ; 1.2.4 ; true",
                "!=1.2.3 ; 1.2.3 ; false",
                ">1.2 ; 1.2.9 ; false",
                ">1.2 ; 1.3.0 ; true",
                ">1 ; 1.9.0 ; false",
                "<=1.2 ; 1.2.9 ; true",
                "<=1.2 ; 1.3.0 ; false",
                "1.0.0 - 1.4.5 ; 1.4.5 ; true",
                "1.0.0 - 1.4.5 ; 1.4.6 ; false",
                "<1.0.0 || >=3.0.0 ; 3.1.0 ; true",
                "<1.0.0 || >=3.0.0 ; 2.0.0 ; false",
                ">=1.0.0 ; 1.1.0-rc.1 ; false",
                ">=1.0.0-0 ; 1.1.0-rc.1 ; true",
                ">=1.0.0-rc.1 ; 1.0.0-rc.2 ; true",
                ">=1.0.0-rc.2 ; 1.0.0-rc.10 ; true",
                ">=1.0.0-rc.2 ; 1.0.0-beta ; false",
                "v1.2.x ; 1.2.0 ; true",
            })
    void shouldMatchLikeMastermindsSemver(String range, String version, boolean expected) {
        SemanticVersion v = SemanticVersion.parseTag(version).orElseThrow();

        assertThat(SemverRange.parse(range).matches(v)).isEqualTo(expected);
    }

    @Test
    void shouldAcceptOptionalLeadingVOnTagsButOnlyStrictVersions() {
        assertThat(SemanticVersion.parseTag("v1.2.3"))
                .hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("1.2.3"));
        assertThat(SemanticVersion.parseTag("1.2.3+build.5")).isPresent();
        assertThat(SemanticVersion.parseTag("v1.2")).isEmpty();
        assertThat(SemanticVersion.parseTag("01.2.3")).isEmpty();
        assertThat(SemanticVersion.parseTag("1.2.3-01")).isEmpty();
        assertThat(SemanticVersion.parseTag("latest")).isEmpty();
    }

    @Test
    void shouldOrderVersionsBySemverPrecedence() {
        List<String> sorted =
                List.of("1.0.0", "1.0.0-rc.1", "1.0.0-alpha", "1.0.0-alpha.1", "0.9.12", "1.0.0-rc.10").stream()
                        .map(t -> SemanticVersion.parseTag(t).orElseThrow())
                        .sorted()
                        .map(SemanticVersion::original)
                        .collect(Collectors.toList());

        assertThat(sorted)
                .containsExactly("0.9.12", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-rc.1", "1.0.0-rc.10", "1.0.0");
    }

    @Test
    void shouldRejectMalformedRanges() {
        assertThatThrownBy(() -> SemverRange.parse(">=1.0.0 <")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SemverRange.parse("latest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SemverRange.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
