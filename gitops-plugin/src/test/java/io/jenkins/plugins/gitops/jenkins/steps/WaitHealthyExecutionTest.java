package io.jenkins.plugins.gitops.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeStepContext;
import io.jenkins.plugins.gitops.jenkins.runner.AgentResult;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitHealthyExecutionTest {

    private final GitOpsWaitHealthyStep.Probe original = GitOpsWaitHealthyStep.Execution.probe;

    @AfterEach
    void restore() {
        GitOpsWaitHealthyStep.Execution.probe = original;
    }

    static Outcome health(String status) {
        return new Outcome(
                new AgentResult(
                        Operation.WAIT,
                        null,
                        null,
                        null,
                        new AgentResult.Health(status, status + " summary", List.of("Deployment/apps/web")),
                        null,
                        false),
                List.of());
    }

    private static GitOpsWaitHealthyStep step(int timeout) {
        GitOpsWaitHealthyStep step = new GitOpsWaitHealthyStep();
        step.setUnits("apps/web");
        step.setTimeout(timeout);
        return step;
    }

    @Test
    void shouldReturnAtOnceAndCompleteWhenHealthyWithoutHoldingTheCaller() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> {
            assertThat(settings.timeoutSeconds()).isLessThanOrEqualTo(GitOpsWaitHealthyStep.Execution.POLL_SECONDS);
            return calls.incrementAndGet() < 2 ? health("InProgress") : health("Current");
        };
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution execution = (GitOpsWaitHealthyStep.Execution) step(60).start(context);

        assertThat(execution.start()).as("asynchronous").isFalse();

        Object value = context.await(20);
        assertThat(((Map<?, ?>) value).get("status")).isEqualTo("Current");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheDeadlineAcrossARestartAndPollAgainOnResume() throws Exception {
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("InProgress");
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution execution =
                (GitOpsWaitHealthyStep.Execution) step(600).start(context);
        execution.start();
        long deadline = execution.deadline();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        GitOpsWaitHealthyStep.Execution resumed;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            resumed = (GitOpsWaitHealthyStep.Execution) in.readObject();
        }

        assertThat(resumed.deadline()).isEqualTo(deadline);
        assertThat(context.done()).isFalse();
        // after the restart the context is the same step's (Jenkins rebuilds it; the double resolves to itself)
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("Current");
        resumed.onResume();
        assertThat(((Map<?, ?>) context.await(20)).get("status")).isEqualTo("Current");
        assertThat(resumed.getStatus()).contains("apps/web");
    }

    @Test
    void shouldFailWhenAnObjectFailsOrTheDeadlinePasses() throws Exception {
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("Failed");
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        step(60).start(context).start();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.await(20))
                .hasRootCauseInstanceOf(hudson.AbortException.class)
                .hasMessageContaining("Failed summary");

        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("InProgress");
        FakeStepContext timedOut = new FakeStepContext().with(TaskListener.class, new FakeListener());
        step(1).start(timedOut).start();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> timedOut.await(20))
                .hasMessageContaining("not healthy in time");
    }

    @Test
    void shouldNotCallSaveStateBetweenPollsSincePipelineSavesTheProgramAfterStart() throws Exception {
        // StepContext.saveState() returns core's Guava ListenableFuture, which the plugin (plugin-first, its own
        // Guava) must not link against; the deadline is a field set in start(), saved with the program then.
        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe =
                (ctx, settings) -> calls.incrementAndGet() < 2 ? health("InProgress") : health("Current");
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution execution = (GitOpsWaitHealthyStep.Execution) step(60).start(context);
        execution.start();

        context.await(30);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(context.saves()).isZero();
    }
}
