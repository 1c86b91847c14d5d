package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.FilePath;
import java.io.IOException;
import java.time.Duration;

/**
 * Where the callable runs: in Jenkins {@code workspace::act} (a {@link FilePath} on the agent);
 * in tests, a local folder. {@code FilePath} is final, hence this seam.
 */
@FunctionalInterface
public interface AgentWorkspace {

    <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException;

    static AgentWorkspace of(FilePath workspace) {
        return workspace::act;
    }

    /**
     * Like {@link #of(FilePath)}, but each call that has not answered within {@code limit} is
     * cancelled (remoting interrupts it on the agent) and fails with {@link
     * AgentNotReachableException}: for repeated short checks, which must not hold a controller thread
     * on a hung agent.
     */
    static AgentWorkspace of(FilePath workspace, Duration limit) {
        return new AgentWorkspace() {
            @Override
            public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
                return TimedAgentCall.await(workspace.actAsync(callable), limit);
            }
        };
    }
}
