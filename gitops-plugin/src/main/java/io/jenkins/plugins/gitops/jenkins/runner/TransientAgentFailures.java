package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.AbortException;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells failures that pass when the agent is back (no workspace yet, agent offline, channel closed,
 * no answer in time) from failures of the check itself (bad configuration, engine errors), which
 * asking again does not cure.
 */
public final class TransientAgentFailures {

    /**
     * Remoting's exceptions for a lost channel. {@code hudson.remoting.ChannelClosedException} and
     * {@code RequestAbortedException} are not in the Jenkins API manifest the plugin compiles against
     * ({@code org.jenkinsci.remoting.ChannelStateException}, the former's superclass, only by
     * reference), so they are recognised by name, superclasses included, not by {@code instanceof}.
     */
    private static final Set<String> LOST_CHANNEL_TYPES = Set.of(
            "org.jenkinsci.remoting.ChannelStateException",
            "hudson.remoting.ChannelClosedException",
            "hudson.remoting.RequestAbortedException");

    /**
     * Messages of the same failures, for when they arrive as plain {@link IOException}s: remoting's
     * {@code ChannelClosedException} and workflow-durable-task-step's {@code AgentOfflineException}
     * (package-private there) from {@code StepContext.get(FilePath.class)}.
     */
    private static final List<String> LOST_CHANNEL_MESSAGES =
            List.of("channel is already closed", "Unable to create live FilePath for");

    private TransientAgentFailures() {}

    /** Whether asking again later may succeed: the agent, not the check, was the problem. */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof AbortException) {
            return false;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof AgentNotReachableException || isLostChannelType(t.getClass())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                for (String message : LOST_CHANNEL_MESSAGES) {
                    if (t.getMessage().contains(message)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isLostChannelType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (LOST_CHANNEL_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** One line for the console: our own message, else the exception's type and message. */
    public static String describe(Throwable failure) {
        String text = failure instanceof AgentNotReachableException ? failure.getMessage() : failure.toString();
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
