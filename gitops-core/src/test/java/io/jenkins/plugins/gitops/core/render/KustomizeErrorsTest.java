package io.jenkins.plugins.gitops.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KustomizeErrorsTest {

    @Test
    void shouldTakeTheErrorOutOfKubectlsKlogLine() {
        String stderr = "W1121 06:25:35.062510    5363 warnings.go:70] something deprecated\n"
                + "E1121 06:25:35.062510    5363 run.go:72] \"command failed\" err=\"accumulating resources: "
                + "accumulation err='accumulating resources from 'r.yaml': missing kind in \\\"x\\\"'\"\n";

        assertThat(KustomizeErrors.firstMeaningfulLine(stderr))
                .isEqualTo("accumulating resources: accumulation err='accumulating resources from 'r.yaml': "
                        + "missing kind in \"x\"'");
    }

    @Test
    void shouldSkipWarningsAndBlankLinesAndStripErrorPrefix() {
        String stderr = "\n# Warning: 'patchesStrategicMerge' is deprecated.\n"
                + "Warning: something else\nError: no such file: ./missing\nUsage: ...\n";

        assertThat(KustomizeErrors.firstMeaningfulLine(stderr)).isEqualTo("no such file: ./missing");
    }

    @Test
    void shouldFallBackToAWarningOrAPlaceholder() {
        assertThat(KustomizeErrors.firstMeaningfulLine("Warning: only this\n")).isEqualTo("Warning: only this");
        assertThat(KustomizeErrors.firstMeaningfulLine("")).contains("no error message");
    }
}
