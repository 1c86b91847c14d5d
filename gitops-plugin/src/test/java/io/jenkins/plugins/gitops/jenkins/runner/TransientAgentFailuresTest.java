package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TransientAgentFailuresTest {

    @Test
    void shouldRetryWhenTheAgentWasAwayButNotWhenTheCheckFailed() {
        assertThat(TransientAgentFailures.isTransient(new AgentNotReachableException("no workspace yet", null)))
                .isTrue();
        // FilePath.actAsync wraps the channel's failure; remoting's ChannelClosedException says this
        assertThat(TransientAgentFailures.isTransient(
                        new IOException("remote file operation failed", new IOException("channel is already closed"))))
                .isTrue();
        // workflow-durable-task-step's AgentOfflineException, from StepContext.get(FilePath.class)
        assertThat(TransientAgentFailures.isTransient(new IOException("Unable to create live FilePath for agent-1")))
                .isTrue();

        assertThat(TransientAgentFailures.isTransient(new AbortException("GitOps: no credentials 'k'")))
                .isFalse();
        assertThat(TransientAgentFailures.isTransient(new IOException("kustomize failed: no such file")))
                .isFalse();
        assertThat(TransientAgentFailures.isTransient(new IllegalStateException("bug")))
                .isFalse();
        assertThat(TransientAgentFailures.isTransient(new LinkageError("old class")))
                .isFalse();
    }

    @Test
    void shouldDescribeTheFailureOnOneLine() {
        assertThat(TransientAgentFailures.describe(new AgentNotReachableException("no workspace yet", null)))
                .isEqualTo("no workspace yet");
        assertThat(TransientAgentFailures.describe(new IOException("channel is already closed\n\tcaused by EOF")))
                .isEqualTo("java.io.IOException: channel is already closed caused by EOF");
    }
}
