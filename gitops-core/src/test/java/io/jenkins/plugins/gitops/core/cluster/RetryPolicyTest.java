package io.jenkins.plugins.gitops.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void shouldDoubleTheDelayWithJitterUpToTheCap() {
        assertThat(policy.delay(1, null, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delay(1, null, 1.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(3, null, 1.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delay(40, null, 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(40, null, 0.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldNeverWaitLessThanRetryAfter() {
        assertThat(policy.delay(1, Duration.ofSeconds(4), 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(10, Duration.ofMillis(1), 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(1, Duration.ofDays(1), 0.5)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }
}
