package io.jenkins.plugins.gitops.core.subst;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GoYamlScalarsTest {

    @Test
    void shouldReadYaml11BooleansAndNulls() {
        assertThat(GoYamlScalars.resolve("yes")).isEqualTo(true);
        assertThat(GoYamlScalars.resolve("y")).isEqualTo(true);
        assertThat(GoYamlScalars.resolve("Off")).isEqualTo(false);
        assertThat(GoYamlScalars.resolve("~")).isNull();
        assertThat(GoYamlScalars.resolve("")).isNull();
        assertThat(GoYamlScalars.resolve("yEs")).isEqualTo("yEs");
    }

    @Test
    void shouldReadIntegersAsGoParseIntWithBaseZero() {
        assertThat(GoYamlScalars.resolve("3")).isEqualTo(3);
        assertThat(GoYamlScalars.resolve("0777")).isEqualTo(511);
        assertThat(GoYamlScalars.resolve("0x1F")).isEqualTo(31);
        assertThat(GoYamlScalars.resolve("-0b101")).isEqualTo(-5);
        assertThat(GoYamlScalars.resolve("1_000")).isEqualTo(1000);
        assertThat(GoYamlScalars.resolve("4294967296")).isEqualTo(4294967296L);
        assertThat(GoYamlScalars.resolve("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void shouldFallBackToFloatsAndStrings() {
        assertThat(GoYamlScalars.resolve("08")).isEqualTo(8.0);
        assertThat(GoYamlScalars.resolve("1.5e3")).isEqualTo(1500.0);
        assertThat(GoYamlScalars.resolve(".5")).isEqualTo(0.5);
        assertThat(GoYamlScalars.resolve("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GoYamlScalars.resolve("2024-01-01")).isEqualTo("2024-01-01");
        assertThat(GoYamlScalars.resolve("1.2.3")).isEqualTo("1.2.3");
        assertThat(GoYamlScalars.resolve("v1")).isEqualTo("v1");
    }
}
