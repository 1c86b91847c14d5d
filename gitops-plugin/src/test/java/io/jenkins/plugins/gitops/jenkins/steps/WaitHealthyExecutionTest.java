package io.jenkins.plugins.gitops.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeStepContext;
import io.jenkins.plugins.gitops.jenkins.runner.AgentNotReachableException;
import io.jenkins.plugins.gitops.jenkins.runner.AgentResult;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitHealthyExecutionTest {

    private final GitOpsWaitHealthyStep.Probe original = GitOpsWaitHealthyStep.Execution.probe;

    /** Executions of this test; stopped afterwards, so none goes on polling with the next test's probe. */
    private final List<StepExecution> running = new ArrayList<>();

    @AfterEach
    void restore() throws Exception {
        for (StepExecution execution : running) {
            execution.stop(new InterruptedException("test over"));
        }
        GitOpsWaitHealthyStep.Execution.probe = original;
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 2_000;
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
        GitOpsWaitHealthyStep.Execution execution = started(step(600), context);
        long deadline = execution.deadline();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        GitOpsWaitHealthyStep.Execution resumed;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            resumed = (GitOpsWaitHealthyStep.Execution) in.readObject();
        }
        running.add(resumed);

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

    private GitOpsWaitHealthyStep.Execution started(GitOpsWaitHealthyStep step, FakeStepContext context)
            throws Exception {
        GitOpsWaitHealthyStep.Execution execution = (GitOpsWaitHealthyStep.Execution) step.start(context);
        running.add(execution);
        execution.start();
        return execution;
    }

    private static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T read = (T) in.readObject();
            return read;
        }
    }

    private static long lines(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    private static Throwable failure(FakeStepContext context, long seconds) throws Exception {
        try {
            context.await(seconds);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the step succeeded");
    }

    /** A probe answering from a script: a Throwable is thrown, an Outcome returned; the last one repeats. */
    private static GitOpsWaitHealthyStep.Probe script(AtomicInteger calls, Object... answers) {
        return (ctx, settings) -> {
            Object answer = answers[Math.min(calls.getAndIncrement(), answers.length - 1)];
            if (answer instanceof Exception e) {
                throw e;
            }
            if (answer instanceof Error e) {
                throw e;
            }
            return (Outcome) answer;
        };
    }

    @Test
    void shouldRetryAfterARestartUntilTheAgentIsBackSayingItOnce() throws Exception {
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 50;
        // the controller that ran the first check goes away in the middle of it
        CountDownLatch checking = new CountDownLatch(1);
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> {
            checking.countDown();
            new CountDownLatch(1).await();
            throw new AssertionError("unreachable");
        };
        FakeListener console = new FakeListener();
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, console);
        GitOpsWaitHealthyStep.Execution before = started(step(600), context);
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        GitOpsWaitHealthyStep.Execution resumed = roundTrip(before);
        running.add(resumed);

        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe = script(
                calls,
                new AgentNotReachableException("no workspace yet (the node block has not resumed)", null),
                new IOException("remote file operation failed", new IOException("channel is already closed")),
                health("Current"));
        resumed.onResume();

        assertThat(((Map<?, ?>) context.await(20)).get("status")).isEqualTo("Current");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(lines(console.text(), "[gitops] agent not reachable yet: "))
                .as(console.text())
                .isEqualTo(1);
        assertThat(console.text())
                .contains("[gitops] agent not reachable yet: no workspace yet (the node block has not resumed),"
                        + " retrying");
    }

    @Test
    void shouldFailAtTheDeadlineNamingWhyTheWorkspaceWasMissing() throws Exception {
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 50;
        // the real probe: the node block has not resumed, so there is no workspace in the context
        FakeListener console = new FakeListener();
        FakeStepContext noWorkspace = new FakeStepContext().with(TaskListener.class, console);
        started(step(1), noWorkspace);

        Throwable failure = failure(noWorkspace, 20);
        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("agent not reachable: no workspace yet")
                .hasCauseInstanceOf(AgentNotReachableException.class);
        assertThat(lines(console.text(), "[gitops] agent not reachable yet")).isEqualTo(1);

        // the agent has not reconnected: asking for the workspace fails (AgentOfflineException is an IOException)
        FakeStepContext offline = new FakeStepContext()
                .with(TaskListener.class, new FakeListener())
                .failing(FilePath.class, new IOException("Unable to create live FilePath for agent-7"));
        started(step(1), offline);
        assertThat(failure(offline, 20)).hasMessageContaining("Unable to create live FilePath for agent-7");
    }

    @Test
    void shouldFailAtOnceWhenTheCheckItselfFails() throws Exception {
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 50;
        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe =
                script(calls, new AbortException("GitOps: no credentials 'prod-kubeconfig'"), health("Current"));
        FakeListener console = new FakeListener();
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, console);
        started(step(60), context);

        assertThat(failure(context, 20)).isInstanceOf(AbortException.class).hasMessageContaining("no credentials");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(console.text()).doesNotContain("not reachable");
    }

    @Test
    void shouldTreatACheckThatTimedOutOnTheAgentAsTemporary() throws Exception {
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 50;
        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe = script(
                calls,
                new AgentNotReachableException("no answer from the agent within 35 s", new TimeoutException()),
                health("Current"));
        FakeListener console = new FakeListener();
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, console);
        started(step(60), context);

        assertThat(((Map<?, ?>) context.await(20)).get("status")).isEqualTo("Current");
        assertThat(console.text())
                .contains("[gitops] agent not reachable yet: no answer from the agent within 35 s, retrying");
    }

    @Test
    void shouldCompleteTheStepWhenACheckThrowsAnError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GitOpsWaitHealthyStep.Execution.probe = script(calls, new NoClassDefFoundError("io/fabric8/Missing"));
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        started(step(60), context);

        assertThat(failure(context, 10)).isInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void shouldNeitherRescheduleNorCompleteAgainWhenStoppedDuringACheck() throws Exception {
        GitOpsWaitHealthyStep.Execution.firstIntervalMs = 50;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> {
            calls.incrementAndGet();
            checking.countDown();
            // an agent call that does not notice the interrupt at once
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return health("InProgress");
        };
        FakeStepContext context = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution execution = started(step(60), context);
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

        execution.stop(new InterruptedException("aborted by the user"));
        release.countDown();
        Thread.sleep(1_000); // twenty first intervals

        assertThat(calls.get()).as("no check after stop").isEqualTo(1);
        assertThat(context.completions()).isEqualTo(1);
        assertThat(failure(context, 1)).hasMessage("aborted by the user");
    }

    @Test
    void shouldCompleteTheContextOnlyOnce() throws Exception {
        // a check interrupted by stop() must not fail the step a second time
        CountDownLatch checking = new CountDownLatch(1);
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> {
            checking.countDown();
            new CountDownLatch(1).await();
            return health("Current");
        };
        FakeStepContext stopped = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution execution = started(step(60), stopped);
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        execution.stop(new InterruptedException("aborted"));
        Thread.sleep(500);
        assertThat(stopped.completions()).isEqualTo(1);

        // a stop that comes after the step succeeded
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("Current");
        FakeStepContext succeeded = new FakeStepContext().with(TaskListener.class, new FakeListener());
        GitOpsWaitHealthyStep.Execution done = started(step(60), succeeded);
        succeeded.await(10);
        done.stop(new InterruptedException("too late"));
        assertThat(succeeded.completions()).isEqualTo(1);
    }

    /** Pipeline keeps executions in program.dat with JBoss Marshalling River, whose record support came late. */
    @Test
    void shouldKeepNoRecordInWhatPipelinePersists() throws Exception {
        GitOpsWaitHealthyStep wait = step(600);
        wait.setObjects("Deployment/apps/web");
        wait.setRepo("https://git.example/fleet.git");
        GitOpsWaitHealthyStep.Execution.probe = (ctx, settings) -> health("InProgress");
        GitOpsWaitHealthyStep.Execution waiting =
                started(wait, new FakeStepContext().with(TaskListener.class, new FakeListener()));
        StepExecution applying = new GitOpsApplyStep("clusters/prod").start(new FakeStepContext());

        for (StepExecution execution : List.of(waiting, applying)) {
            List<Object> graph = written(execution);
            assertThat(graph).as("serialized objects").anySatisfy(o -> assertThat(o)
                    .isInstanceOf(RunSettings.class));
            assertThat(graph)
                    .as("records in the serialized graph of "
                            + execution.getClass().getName())
                    .noneMatch(o -> o instanceof Record);
        }
        RunSettings settings = wait.settings();
        RunSettings read = roundTrip(settings);
        assertThat(read).isEqualTo(settings).hasSameHashCodeAs(settings);
        assertThat(read.units()).containsExactly("apps/web");
        assertThat(read.objects()).containsExactly("Deployment/apps/web");
        assertThat(read.fleetName()).isEqualTo(settings.fleetName());
    }

    /** Every object ObjectOutputStream writes, as replaceObject sees them. */
    private static List<Object> written(Object root) throws IOException {
        List<Object> seen = new ArrayList<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                seen.add(obj);
                return obj;
            }
        }) {
            out.writeObject(root);
        }
        return seen;
    }
}
