package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner;
import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsWaitHealthy(units: 'apps/web', timeout: 600)}: waits until the units' last applied
 * objects (from the fleet's state) or the given {@code objects} are healthy, and returns the health
 * summary. Follows workflow-basic-steps' {@code sleep}: no thread is held while waiting; the
 * execution keeps its deadline, polls with short agent calls on a timer, and re-arms after a
 * controller restart ({@link Execution#onResume()}).
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

    /** The execution: serializable state is the context, the settings and the deadline. */
    static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;

        /** Each poll may wait on the agent this long; between polls no thread is held. */
        static final int POLL_SECONDS = 5;

        static final long MAX_INTERVAL_MS = 30_000;

        private static final AtomicInteger COUNTER = new AtomicInteger();

        private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "gitopsWaitHealthy poller #" + COUNTER.incrementAndGet());
            t.setDaemon(true);
            return t;
        });

        static volatile Probe probe = Execution::checkOnAgent;

        private final StepContext stepContext;
        private final RunSettings settings;
        private volatile long deadline;
        private volatile long intervalMs = 2_000;
        private final AtomicInteger polls = new AtomicInteger();
        private volatile String lastSummary = "";

        private transient volatile ScheduledFuture<?> task;

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
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(true);
            }
            stepContext.onFailure(cause);
        }

        @Override
        public String getStatus() {
            return "waiting for " + what() + " until " + Instant.ofEpochMilli(deadline) + " (" + polls + " checks"
                    + (lastSummary.isEmpty() ? "" : ", last: " + lastSummary) + ")";
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
            task = TIMER.schedule(this::poll, delayMs, TimeUnit.MILLISECONDS);
        }

        /** One check; completes the step or schedules the next. Never throws. */
        void poll() {
            try {
                long remaining = deadline - System.currentTimeMillis();
                long seconds = Math.max(1, Math.min(POLL_SECONDS, remaining / 1000));
                Outcome outcome = probe.check(stepContext, withTimeout(seconds));
                polls.incrementAndGet();
                var health = outcome.result().health();
                lastSummary = health == null ? "" : health.summary();
                if (health != null && health.current()) {
                    stepContext.onSuccess(value(health));
                } else if (health != null && health.failed()) {
                    stepContext.onFailure(new AbortException("GitOps: " + health.summary()));
                } else if (System.currentTimeMillis() >= deadline) {
                    stepContext.onFailure(new AbortException("GitOps: not healthy in time: " + lastSummary));
                } else {
                    schedule(Math.min(intervalMs, Math.max(0, deadline - System.currentTimeMillis())));
                    intervalMs = Math.min(MAX_INTERVAL_MS, intervalMs * 2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stepContext.onFailure(e);
            } catch (Exception e) {
                stepContext.onFailure(e);
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
            Run<?, ?> run = context.get(Run.class);
            FilePath workspace = context.get(FilePath.class);
            EnvVars env = context.get(EnvVars.class);
            TaskListener listener = context.get(TaskListener.class);
            return GitOpsRunner.create().run(run, AgentWorkspace.of(workspace), env, listener, settings);
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
