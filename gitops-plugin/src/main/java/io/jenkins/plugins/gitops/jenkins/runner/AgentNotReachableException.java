package io.jenkins.plugins.gitops.jenkins.runner;

import java.io.IOException;

/**
 * The agent that holds the workspace could not be asked: no workspace yet (the {@code node} block has
 * not resumed after a controller restart), the agent is offline or reconnecting, or a call did not
 * answer within its time limit. Worth asking again later, unlike a failure of the check itself.
 */
public final class AgentNotReachableException extends IOException {

    private static final long serialVersionUID = 1L;

    public AgentNotReachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
