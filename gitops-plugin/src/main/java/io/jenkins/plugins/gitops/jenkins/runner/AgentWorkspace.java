package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.FilePath;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Where the callable runs: in Jenkins {@code workspace::act} (a {@link FilePath} on the agent);
 * in tests, a local folder. {@code FilePath} is final, hence this seam.
 */
public interface AgentWorkspace {

    /** Runs {@code callable} where the workspace is and waits for it, as {@link FilePath#act}. */
    <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException;

    /** Starts {@code callable} where the workspace is, as {@link FilePath#actAsync}. */
    <T> Future<T> actAsync(FilePath.FileCallable<T> callable) throws IOException, InterruptedException;

    static AgentWorkspace of(FilePath workspace) {
        return new AgentWorkspace() {
            @Override
            public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
                return workspace.act(callable);
            }

            @Override
            public <T> Future<T> actAsync(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
                return workspace.actAsync(callable);
            }
        };
    }

    /**
     * Like {@link #of(FilePath)}, but each call that has not answered within {@code limit} is
     * cancelled (remoting interrupts it on the agent) and fails with {@link
     * AgentNotReachableException}: for repeated short checks, which must not hold a controller thread
     * on a hung agent. The futures of {@link #actAsync} wait at most {@code limit} in {@code get()}.
     */
    static AgentWorkspace of(FilePath workspace, Duration limit) {
        return new AgentWorkspace() {
            @Override
            public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
                return TimedAgentCall.await(workspace.actAsync(callable), limit);
            }

            @Override
            public <T> Future<T> actAsync(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
                return TimedAgentCall.limited(workspace.actAsync(callable), limit);
            }
        };
    }
}
