package io.jenkins.plugins.gitops.jenkins.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.jenkins.runner.AgentNotReachableException;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import io.jenkins.plugins.gitops.jenkins.runner.TransientAgentFailures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsWaitHealthy(units: 'apps/web', timeout: 600)}: waits until the units' last applied
 * objects (from the fleet's state) or the given {@code objects} are healthy, and returns the health
 * summary. Follows workflow-basic-steps' {@code sleep}: no thread is held between checks; the
 * execution keeps its deadline, polls with short, time-limited agent calls on a timer, and re-arms
 * after a controller restart ({@link Execution#onResume()}), retrying while the agent is not back.
 * Like every GitOps step it needs the workspace, so it runs inside {@code node}.
 */
public class GitOpsWaitHealthyStep extends GitOpsStep {

    private String objects = "";

    @DataBoundConstructor
    public GitOpsWaitHealthyStep() {
        super("");
    }

    /** Selects the fleet whose state names the units' objects, with {@code repo}; optional. */
    @DataBoundSetter
    public void setPath(String path) {
        setPathValue(path);
    }

    public String getObjects() {
        return objects;
    }

    /** Objects ({@code [apiVersion:]Kind/namespace/name}), comma-separated; these instead of units. */
    @DataBoundSetter
    public void setObjects(String objects) {
        this.objects = RunSettings.blankToEmpty(objects);
    }

    @Override
    public RunSettings settings() {
        return settings(Operation.WAIT, null, false, "FAILURE", false, objects);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings());
    }

    /** One look at health, at most {@code timeoutSeconds} long; tests replace it. */
    @FunctionalInterface
    interface Probe {
        Outcome check(StepContext context, RunSettings settings) throws Exception;
    }

    /**
     * The execution: serializable state is the context, the settings, the deadline and whether the
     * step was stopped or completed. Checks run on a small timer pool of our own; each holds a pool
     * thread only for its agent call, which is bounded ({@link #CALL_GRACE_SECONDS}).
     */
    static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;

        /** Each poll may wait on the agent this long; between polls no thread is held. */
        static final int POLL_SECONDS = 5;

        static final long MAX_INTERVAL_MS = 30_000;

        /**
         * A check's agent call may take this much longer than its engine timeout (connecting to the
         * cluster, whose client retries for about 13 s, and starting on the agent); then it is
         * cancelled and counts as "agent not reachable", so a hung agent cannot keep a pool thread.
         */
        static final int CALL_GRACE_SECONDS = 30;

        private static final AtomicInteger COUNTER = new AtomicInteger();

        /** Only times the checks; they run on {@link #CHECKS}, so a slow agent delays no other wait. */
        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gitopsWaitHealthy timer");
            t.setDaemon(true);
            return t;
        });

        /** Runs the checks; a thread per check in progress, each bounded by the check's time limit. */
        private static final ExecutorService CHECKS = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gitopsWaitHealthy check #" + COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });

        static volatile Probe probe = Execution::checkOnAgent;

        /** The wait before the second check, doubled each time up to {@link #MAX_INTERVAL_MS}; tests shorten it. */
        static volatile long firstIntervalMs = 2_000;

        private final StepContext stepContext;
        private final RunSettings settings;
        private volatile long deadline;
        private volatile long intervalMs = firstIntervalMs;
        private final AtomicInteger polls = new AtomicInteger();
        private volatile String lastSummary = "";

        /** Set by {@link #stop}: a poll already running neither reschedules nor completes the context. */
        private volatile boolean stopped;

        /**
         * Whether the context was completed; it is completed at most once. Not transient: a transient
         * final field would be null after deserialization, and a completed step stays completed.
         */
        private final AtomicBoolean done = new AtomicBoolean();

        private transient volatile ScheduledFuture<?> task;

        private transient volatile Future<?> check;

        /** Why the agent could not be asked, while it cannot; reported once per outage. */
        private transient volatile String unreachable;

        Execution(StepContext context, RunSettings settings) {
            super(context);
            this.stepContext = context;
            this.settings = settings;
        }

        @Override
        public boolean start() throws Exception {
            long timeoutSeconds = settings.timeoutSeconds() > 0
                    ? settings.timeoutSeconds()
                    : GitOpsRunner.create().defaults().timeoutSeconds();
            deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
            stepContext
                    .get(TaskListener.class)
                    .getLogger()
                    .println("[gitops] waiting until " + what() + " is healthy, at most until "
                            + Instant.ofEpochMilli(deadline));
            schedule(0);
            return false;
        }

        /** After a controller restart: the deadline was kept, so poll again at once. */
        @Override
        public void onResume() {
            schedule(0);
        }

        @Override
        public void stop(Throwable cause) throws Exception {
            stopped = true;
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(true);
            }
            Future<?> c = check;
            if (c != null) {
                c.cancel(true);
            }
            if (done.compareAndSet(false, true)) {
                stepContext.onFailure(cause);
            }
        }

        @Override
        public String getStatus() {
            String agent = unreachable;
            return "waiting for " + what() + " until " + Instant.ofEpochMilli(deadline) + " (" + polls + " checks"
                    + (lastSummary.isEmpty() ? "" : ", last: " + lastSummary)
                    + (agent == null ? "" : ", agent not reachable: " + agent) + ")";
        }

        long deadline() {
            return deadline;
        }

        private String what() {
            if (!settings.objects().isEmpty()) {
                return String.join(", ", settings.objects());
            }
            return settings.units().isEmpty()
                    ? "every unit of " + settings.fleetName()
                    : String.join(", ", settings.units());
        }

        private void schedule(long delayMs) {
            if (stopped || done.get()) {
                return;
            }
            task = TIMER.schedule(() -> check = CHECKS.submit(this::poll), delayMs, TimeUnit.MILLISECONDS);
        }

        /**
         * One check; completes the step or schedules the next. Never throws: whatever it catches, an
         * {@link Error} included, completes the step, since a throwable left in the timer's future
         * would leave the step waiting forever.
         */
        @SuppressFBWarnings(
                value = "AT_NONATOMIC_OPERATIONS_ON_SHARED_VARIABLE",
                justification = "intervalMs has one writer at a time: the running poll, which schedules the next")
        void poll() {
            if (stopped || done.get()) {
                return;
            }
            try {
                long remaining = deadline - System.currentTimeMillis();
                long seconds = Math.max(1, Math.min(POLL_SECONDS, remaining / 1000));
                Outcome outcome = probe.check(stepContext, withTimeout(seconds));
                polls.incrementAndGet();
                unreachable = null;
                var health = outcome.result().health();
                lastSummary = health == null ? "" : health.summary();
                if (health != null && health.current()) {
                    succeed(value(health));
                } else if (health != null && health.failed()) {
                    fail(new AbortException("GitOps: " + health.summary()));
                } else if (System.currentTimeMillis() >= deadline) {
                    fail(new AbortException("GitOps: not healthy in time: " + lastSummary));
                } else {
                    schedule(Math.min(intervalMs, Math.max(0, deadline - System.currentTimeMillis())));
                    intervalMs = Math.min(MAX_INTERVAL_MS, intervalMs * 2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } catch (Throwable e) {
                if (TransientAgentFailures.isTransient(e)) {
                    retryLater(e);
                } else {
                    fail(e);
                }
            }
        }

        /**
         * The agent could not be asked (after a restart it may not have reconnected yet): says so once,
         * and asks again until the deadline, when the step fails naming the cause.
         */
        @SuppressFBWarnings(
                value = "AT_NONATOMIC_OPERATIONS_ON_SHARED_VARIABLE",
                justification = "intervalMs has one writer at a time: the running poll, which schedules the next")
        private void retryLater(Throwable cause) {
            String reason = TransientAgentFailures.describe(cause);
            boolean first = unreachable == null;
            unreachable = reason;
            if (System.currentTimeMillis() >= deadline) {
                AbortException e = new AbortException(
                        "GitOps: " + what() + " could not be checked in time: agent not" + " reachable: " + reason
                                + (lastSummary.isEmpty() ? "" : " (last health: " + lastSummary + ")"));
                e.initCause(cause);
                fail(e);
                return;
            }
            if (first) {
                log("[gitops] agent not reachable yet: " + reason + ", retrying");
            }
            schedule(Math.min(intervalMs, Math.max(0, deadline - System.currentTimeMillis())));
            intervalMs = Math.min(MAX_INTERVAL_MS, intervalMs * 2);
        }

        private void succeed(Object value) {
            if (!stopped && done.compareAndSet(false, true)) {
                stepContext.onSuccess(value);
            }
        }

        private void fail(Throwable cause) {
            if (!stopped && done.compareAndSet(false, true)) {
                stepContext.onFailure(cause);
            }
        }

        /** A console line; the build log is on the controller, so this works with the agent away. */
        private void log(String line) {
            try {
                stepContext.get(TaskListener.class).getLogger().println(line);
            } catch (IOException e) {
                // without a console the retry goes on; the status page shows the reason
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private RunSettings withTimeout(long seconds) {
            return new RunSettings(
                    Operation.WAIT,
                    settings.path(),
                    settings.repository(),
                    settings.ref(),
                    settings.kubeconfigCredentialsId(),
                    settings.context(),
                    settings.gitCredentialsId(),
                    settings.units(),
                    settings.objects(),
                    null,
                    false,
                    seconds,
                    settings.parallelism(),
                    settings.fleet(),
                    settings.failOn(),
                    false);
        }

        private static Map<String, Object> value(io.jenkins.plugins.gitops.jenkins.runner.AgentResult.Health health) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("status", health.status());
            value.put("summary", health.summary());
            value.put("objects", health.objects());
            return value;
        }

        private static Outcome checkOnAgent(StepContext context, RunSettings settings) throws Exception {
            FilePath workspace = workspace(context);
            Run<?, ?> run = context.get(Run.class);
            EnvVars env = context.get(EnvVars.class);
            TaskListener listener = context.get(TaskListener.class);
            Duration limit = Duration.ofSeconds(settings.timeoutSeconds() + CALL_GRACE_SECONDS);
            return GitOpsRunner.create().run(run, AgentWorkspace.of(workspace, limit), env, listener, settings);
        }

        /**
         * The live workspace. After a controller restart the {@code node} block's context is resumed
         * separately: until then there is none, and until the agent reconnects asking for it fails
         * (workflow-durable-task-step's {@code AgentOfflineException}, an {@link IOException}).
         */
        private static FilePath workspace(StepContext context) throws IOException, InterruptedException {
            FilePath workspace;
            try {
                workspace = context.get(FilePath.class);
            } catch (AbortException e) {
                throw e;
            } catch (IOException e) {
                throw new AgentNotReachableException("workspace not available: " + e.getMessage(), e);
            }
            if (workspace == null) {
                throw new AgentNotReachableException("no workspace yet (the node block has not resumed)", null);
            }
            return workspace;
        }
    }

    /** Describes {@code gitopsWaitHealthy}. */
    @Extension
    @Symbol("gitopsWaitHealthy")
    public static final class DescriptorImpl extends GitOpsStepDescriptor {

        @Override
        public String getFunctionName() {
            return "gitopsWaitHealthy";
        }

        @Override
        public String getDisplayName() {
            return "Wait until GitOps units or objects are healthy";
        }
    }
}
