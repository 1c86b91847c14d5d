package io.jenkins.plugins.gitops.jenkins.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner;
import io.jenkins.plugins.gitops.jenkins.runner.Outcome;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The execution of {@code gitopsApply}, {@code gitopsPlan} and {@code gitopsDiff}: on a thread of
 * its own (not the CPS thread), it hands the settings to the runner and returns the outcome's value
 * to the script. Stopping the step interrupts that thread, which interrupts the agent call.
 */
final class RunnerExecution extends SynchronousNonBlockingStepExecution<Object> {

    private static final long serialVersionUID = 1L;

    /** Tests replace the runner; Jenkins uses {@link GitOpsRunner#create()}. */
    static volatile RunnerFactory runners = GitOpsRunner::create;

    private final StepContext stepContext;
    private final RunSettings settings;
    private final Returns value;

    RunnerExecution(StepContext context, RunSettings settings, Returns value) {
        super(context);
        this.stepContext = context;
        this.settings = settings;
        this.value = value;
    }

    @Override
    protected Object run() throws Exception {
        Run<?, ?> run = stepContext.get(Run.class);
        FilePath workspace = stepContext.get(FilePath.class);
        EnvVars env = stepContext.get(EnvVars.class);
        TaskListener listener = stepContext.get(TaskListener.class);
        return run(run, AgentWorkspace.of(workspace), env, listener);
    }

    Object run(Run<?, ?> run, AgentWorkspace workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        Outcome outcome = runners.create().run(run, workspace, env, listener, settings);
        GitOpsRunner.enforce(run, listener, outcome, settings.failOn());
        return value.of(outcome);
    }

    RunSettings settings() {
        return settings;
    }

    /** What the step returns to the script. */
    enum Returns {
        /** Per unit: status, reason, revision, message. */
        UNITS,
        /** The plan's tree. */
        PLAN,
        /** Whether anything drifted. */
        DRIFTED;

        Object of(Outcome outcome) {
            return switch (this) {
                case UNITS -> outcome.unitsMap();
                case PLAN -> outcome.planMap();
                case DRIFTED -> outcome.drifted();
            };
        }
    }

    @FunctionalInterface
    interface RunnerFactory {
        GitOpsRunner create();
    }
}
