package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.jenkins.action.GitOpsRunAction;
import io.jenkins.plugins.gitops.jenkins.action.PreviousState;
import io.jenkins.plugins.gitops.jenkins.config.Defaults;
import io.jenkins.plugins.gitops.jenkins.config.GitOpsGlobalConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one runner behind every Pipeline step and freestyle build step. On the controller: resolve
 * credentials, find the fleet's previous state, send a {@link GitOpsCallable} to the agent, store
 * the result with the build and decide what it means for the build's result.
 */
public final class GitOpsRunner {

    /** How far back the previous state is looked for. */
    static final int MAX_BUILDS_BACK = 200;

    /** Environment variables the engine reads on the agent; nothing else crosses. */
    static final List<String> ENVIRONMENT = List.of(
            "KUBECONFIG",
            "HOME",
            "KUBERNETES_SERVICE_HOST",
            "KUBERNETES_SERVICE_PORT",
            "GITOPS_GIT_USERNAME",
            "GITOPS_GIT_PASSWORD",
            "GITOPS_GIT_TOKEN",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "http_proxy",
            "https_proxy",
            "no_proxy");

    private final CredentialsResolver credentials;
    private final Defaults defaults;

    public GitOpsRunner(CredentialsResolver credentials, Defaults defaults) {
        this.credentials = credentials;
        this.defaults = defaults;
    }

    /** The runner of the running Jenkins: the credentials plugin and the global configuration. */
    public static GitOpsRunner create() {
        return new GitOpsRunner(new JenkinsCredentials(), GitOpsGlobalConfiguration.currentDefaults());
    }

    public Defaults defaults() {
        return defaults;
    }

    /** How long an aborted build waits for the engine's partial report before giving up on it. */
    static final long STOP_GRACE_SECONDS = 30;

    /**
     * Runs the settings' operation on the agent and stores the result with the build. Aborting the
     * build stops the engine on the agent; what it did is still stored ({@link #await}).
     *
     * @throws InterruptedException the build was aborted
     */
    public Outcome run(
            Run<?, ?> run,
            AgentWorkspace workspace,
            Map<String, String> environment,
            TaskListener listener,
            RunSettings settings)
            throws IOException, InterruptedException {
        AgentRequest request = request(run, environment, settings);
        AgentResult result = await(workspace, new GitOpsCallable(request, listener));
        if (result.report() != null || result.drift() != null) {
            record(run, request, result);
        }
        if (result.interrupted()) {
            throw new InterruptedException("aborted while running " + settings.operation() + " of " + request.fleet());
        }
        return Outcome.of(result);
    }

    /**
     * Runs {@code callable} on the agent and waits for its result. When this thread is interrupted
     * (the build is aborted), the remote call is not cancelled - remoting would drop its result -
     * but the engine is told to stop ({@link GitOpsCallable.Stop}) and its partial result, marked
     * interrupted, is awaited for {@link #STOP_GRACE_SECONDS}. A second interrupt, or no answer in
     * that time, cancels the call and rethrows the abort.
     */
    static AgentResult await(AgentWorkspace workspace, GitOpsCallable callable)
            throws IOException, InterruptedException {
        Future<AgentResult> future = workspace.actAsync(callable);
        try {
            return future.get();
        } catch (InterruptedException aborted) {
            if (callable.request().operation() == Operation.WAIT
                    || callable.request().operation() == Operation.PLAN) {
                // nothing to keep: a wait or a plan writes nothing
                future.cancel(true);
                throw aborted;
            }
            try {
                workspace.act(new GitOpsCallable.Stop(callable.token()));
                // the engine may have finished before it saw the stop: the build was aborted all the same
                return future.get(STOP_GRACE_SECONDS, TimeUnit.SECONDS).asInterrupted();
            } catch (Exception e) {
                future.cancel(true);
                aborted.addSuppressed(e);
                throw aborted;
            }
        } catch (ExecutionException e) {
            throw TimedAgentCall.rethrow(e);
        }
    }

    /** The agent's request: settings over defaults, credentials resolved, the previous state found. */
    AgentRequest request(Run<?, ?> run, Map<String, String> environment, RunSettings settings) throws IOException {
        String fleet = settings.fleetName();
        // a plan has no state; a wait for given objects does not read it (with units it reads their inventories)
        FleetState previous = settings.operation() == Operation.PLAN
                        || settings.operation() == Operation.WAIT
                                && !settings.objects().isEmpty()
                ? FleetState.EMPTY
                : PreviousState.find(run, fleet, MAX_BUILDS_BACK);
        String kubeconfig = settings.kubeconfigCredentialsId().isEmpty() || settings.operation() == Operation.PLAN
                ? null
                : credentials.kubeconfig(run, settings.kubeconfigCredentialsId());
        CredentialsResolver.GitLogin git =
                settings.gitCredentialsId().isEmpty() ? null : credentials.git(run, settings.gitCredentialsId());
        Map<String, String> env = new TreeMap<>();
        for (String name : ENVIRONMENT) {
            String value = environment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        AgentRequest.RunOptions options = new AgentRequest.RunOptions(
                settings.dryRun(),
                settings.prune(),
                settings.parallelism() > 0 ? settings.parallelism() : defaults.parallelism(),
                settings.timeoutSeconds() > 0 ? settings.timeoutSeconds() : defaults.timeoutSeconds(),
                defaults.fieldManager(),
                settings.units(),
                settings.objects(),
                settings.correct(),
                defaults.kustomizeBinary(),
                "");
        AgentRequest.Access access = new AgentRequest.Access(
                kubeconfig,
                null,
                settings.context(),
                git == null ? null : git.username(),
                git == null ? null : git.password(),
                env,
                git != null && git.usernameSecret() ? List.of(git.username()) : List.of());
        return new AgentRequest(
                settings.operation(),
                settings.repository(),
                settings.ref(),
                settings.path(),
                fleet,
                options,
                access,
                previous);
    }

    /** Adds (or replaces) the fleet's action on the build, with the files written first. */
    private static void record(Run<?, ?> run, AgentRequest request, AgentResult result) throws IOException {
        FleetState state = result.state();
        GitOpsRunAction action = GitOpsRunAction.write(
                run, request.fleet(), request.operation().name(), result.report(), result.drift(), state);
        List<GitOpsRunAction> same = new ArrayList<>();
        for (GitOpsRunAction existing : run.getActions(GitOpsRunAction.class)) {
            if (existing.getFleet().equals(request.fleet())) {
                same.add(existing);
            }
        }
        same.forEach(run::removeAction);
        run.addAction(action);
        // addAction does not persist; an aborted Pipeline step may end before the build saves again
        run.save();
    }

    /**
     * Applies the outcome to the build: nothing when it succeeded; with {@code failOn: UNSTABLE} the
     * build is marked unstable; otherwise the step fails with the list of failures.
     *
     * @throws AbortException the step fails the build
     */
    public static void enforce(Run<?, ?> run, TaskListener listener, Outcome outcome, String failOn)
            throws AbortException {
        if (!outcome.failed()) {
            return;
        }
        String message = "GitOps: " + String.join("; ", outcome.failures());
        if ("UNSTABLE".equals(failOn)) {
            listener.getLogger().println("[gitops] " + message + " - marking the build unstable");
            run.setResult(Result.UNSTABLE);
        } else {
            throw new AbortException(message);
        }
    }
}
