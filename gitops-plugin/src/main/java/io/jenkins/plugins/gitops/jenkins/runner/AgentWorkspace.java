package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.FilePath;
import java.io.IOException;

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
}
