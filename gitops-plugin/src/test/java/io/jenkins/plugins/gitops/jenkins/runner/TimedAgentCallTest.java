package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TimedAgentCallTest {

    @Test
    void shouldCancelACallThatDoesNotAnswerInTimeAndSayTheAgentWasNotReachable() {
        CompletableFuture<String> hung = new CompletableFuture<>();
        long start = System.nanoTime();

        assertThatThrownBy(() -> TimedAgentCall.await(hung, Duration.ofMillis(300)))
                .isInstanceOf(AgentNotReachableException.class)
                .hasMessage("no answer from the agent within 300 ms")
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(hung)
                .as("cancelled, which interrupts the callable on the agent")
                .isCancelled();
        assertThat(TransientAgentFailures.isTransient(new AgentNotReachableException("x", null)))
                .isTrue();
    }

    @Test
    void shouldBoundTheRunnersWaitOnAnAsynchronousCallToo() throws Exception {
        CompletableFuture<String> hung = new CompletableFuture<>();
        var limited = TimedAgentCall.limited(hung, Duration.ofMillis(200));

        assertThatThrownBy(limited::get)
                .isInstanceOf(java.util.concurrent.ExecutionException.class)
                .cause()
                .isInstanceOf(AgentNotReachableException.class)
                .hasMessage("no answer from the agent within 200 ms");
        assertThat(hung).isCancelled();
        assertThat(TimedAgentCall.limited(CompletableFuture.completedFuture("ok"), Duration.ofMillis(200))
                        .get())
                .isEqualTo("ok");
    }

    @Test
    void shouldReturnTheValueOrThrowTheCallablesOwnException() throws Exception {
        assertThat(TimedAgentCall.await(CompletableFuture.completedFuture("ok"), Duration.ofSeconds(5)))
                .isEqualTo("ok");
        assertThatThrownBy(() -> TimedAgentCall.await(
                        CompletableFuture.failedFuture(new AbortException("bad kubeconfig")), Duration.ofSeconds(5)))
                .isExactlyInstanceOf(AbortException.class)
                .hasMessage("bad kubeconfig");
        assertThatThrownBy(() -> TimedAgentCall.await(
                        CompletableFuture.failedFuture(new IllegalStateException("bug")), Duration.ofSeconds(5)))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TimedAgentCall.await(
                        CompletableFuture.failedFuture(new LinkageError("old class")), Duration.ofSeconds(5)))
                .isExactlyInstanceOf(LinkageError.class);
    }

    @Test
    void shouldUnwrapAnInterruptOnTheAgentAsFilePathActDoes() {
        // FilePath tunnels the callable's InterruptedException in an IOException
        IOException tunneled = new IOException(new InterruptedException("aborted"));
        assertThatThrownBy(() -> TimedAgentCall.await(CompletableFuture.failedFuture(tunneled), Duration.ofSeconds(5)))
                .isInstanceOf(InterruptedException.class)
                .hasCause(tunneled);
    }

    @Test
    void shouldCancelTheCallWhenTheWaitingThreadIsInterrupted() throws Exception {
        CompletableFuture<String> hung = new CompletableFuture<>();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                TimedAgentCall.await(hung, Duration.ofMinutes(1));
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        });
        waiting.start();
        Thread.sleep(200);
        waiting.interrupt();

        assertThat(thrown.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(hung).isCancelled();
    }
}
