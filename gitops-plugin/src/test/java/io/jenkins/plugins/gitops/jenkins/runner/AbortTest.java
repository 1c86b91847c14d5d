package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an abort does to a call in progress: the engine is told to stop and its result is kept,
 * marked as aborted whatever the engine saw; waits and plans are simply cancelled; a stop reaches
 * only the call it names, before, during but never after it.
 */
class AbortTest {

    /** An agent whose engine finishes when it is told to stop: too late to notice the stop itself. */
    static final class StoppableAgent implements AgentWorkspace {
        final CompletableFuture<AgentResult> call = new CompletableFuture<>();
        final List<Object> sent = new CopyOnWriteArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T act(FilePath.FileCallable<T> callable) {
            sent.add(callable);
            call.complete(new AgentResult(Operation.APPLY, null, null, null, null, null, false));
            return (T) Boolean.TRUE;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Future<T> actAsync(FilePath.FileCallable<T> callable) {
            sent.add(callable);
            return (Future<T>) call;
        }
    }

    private static GitOpsCallable callable(Operation operation) {
        return new GitOpsCallable(
                GitOpsCallableTest.request(operation, "", AgentRequest.Access.fromEnvironment(Map.of())),
                new FakeListener());
    }

    private static CompletableFuture<Object> awaitOnAThreadAndAbortIt(AgentWorkspace agent, GitOpsCallable callable)
            throws InterruptedException {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                outcome.complete(GitOpsRunner.await(agent, callable));
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.start();
        Thread.sleep(200);
        t.interrupt();
        return outcome;
    }

    @Test
    void shouldKeepTheResultOfAnAbortedApplyAndMarkItAborted() throws Exception {
        StoppableAgent agent = new StoppableAgent();
        GitOpsCallable callable = callable(Operation.APPLY);

        Object outcome = awaitOnAThreadAndAbortIt(agent, callable).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(AgentResult.class);
        assertThat(((AgentResult) outcome).interrupted())
                .as("aborted, though the engine finished before it saw the stop")
                .isTrue();
        assertThat(agent.sent).hasSize(2).last().isInstanceOf(GitOpsCallable.Stop.class);
        assertThat(agent.call).as("the call itself is not cancelled").isNotCancelled();
    }

    @Test
    void shouldCancelAnAbortedWaitAtOnce() throws Exception {
        StoppableAgent agent = new StoppableAgent();

        Object outcome =
                awaitOnAThreadAndAbortIt(agent, callable(Operation.WAIT)).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(InterruptedException.class);
        assertThat(agent.sent).as("no stop sent").hasSize(1);
        assertThat(agent.call).isCancelled();
    }

    @Test
    void shouldStopACallThatHasNotStartedYetAsSoonAsItStarts() {
        GitOpsCallable.Call call = new GitOpsCallable.Call();

        assertThat(call.stop()).isTrue();
        call.start();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        call.finish();
        assertThat(Thread.interrupted())
                .as("the thread's next task does not inherit it")
                .isFalse();
    }

    @Test
    void shouldNotInterruptAThreadOnceItsCallHasFinished() {
        GitOpsCallable.Call call = new GitOpsCallable.Call();
        call.start();
        call.finish();

        assertThat(call.stop()).isFalse();
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void shouldInterruptTheThreadRunningTheCall() throws Exception {
        GitOpsCallable.Call call = new GitOpsCallable.Call();
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread engine = new Thread(() -> {
            call.start();
            started.complete(null);
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            } finally {
                call.finish();
            }
        });
        engine.start();
        started.get(5, TimeUnit.SECONDS);

        assertThat(call.stop()).isTrue();
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
