package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.FilePath;
import java.io.IOException;
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
}
