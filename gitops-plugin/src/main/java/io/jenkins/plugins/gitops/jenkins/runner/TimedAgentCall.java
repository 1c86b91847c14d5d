package io.jenkins.plugins.gitops.jenkins.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an asynchronous agent call ({@code FilePath.actAsync}) at most a given time. Remoting's
 * future sends a cancel to the agent, which interrupts the callable there, so a hung agent holds
 * neither the waiting controller thread nor its own thread past the limit.
 */
final class TimedAgentCall {

    private TimedAgentCall() {}

    /**
     * The call's value, or its own exception as {@code FilePath.act} would throw it.
     *
     * @throws AgentNotReachableException no answer within {@code limit}; the call was cancelled
     * @throws InterruptedException this thread was interrupted (the call was cancelled), or the
     *     callable was interrupted on the agent
     */
    static <T> T await(Future<T> call, Duration limit) throws IOException, InterruptedException {
        try {
            return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AgentNotReachableException("no answer from the agent within " + text(limit), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw interrupted("the agent call was cancelled", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /**
     * Throws the callable's own exception out of {@code e}, as {@code FilePath.act} would: an
     * {@code IOException}, an interrupt on the agent, a runtime exception or an error. Declared to
     * return one so that callers can write {@code throw rethrow(e)}.
     */
    static IOException rethrow(ExecutionException e) throws IOException, InterruptedException {
        Throwable cause = e.getCause();
        // FilePath tunnels the callable's InterruptedException in a private IOException; act() unwraps it
        if (cause instanceof IOException && cause.getCause() instanceof InterruptedException) {
            throw interrupted("interrupted on the agent", cause);
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IOException(cause);
    }

    /**
     * {@code call}, whose {@code get()} waits at most {@code limit}: then the call is cancelled and
     * {@code get()} fails with an {@link ExecutionException} caused by {@link
     * AgentNotReachableException}. Interrupting the waiting thread does not cancel it.
     */
    static <T> Future<T> limited(Future<T> call, Duration limit) {
        return new Future<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return call.cancel(mayInterruptIfRunning);
            }

            @Override
            public boolean isCancelled() {
                return call.isCancelled();
            }

            @Override
            public boolean isDone() {
                return call.isDone();
            }

            @Override
            public T get() throws InterruptedException, ExecutionException {
                try {
                    return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    call.cancel(true);
                    throw new ExecutionException(
                            new AgentNotReachableException("no answer from the agent within " + text(limit), e));
                }
            }

            @Override
            public T get(long timeout, TimeUnit unit)
                    throws InterruptedException, ExecutionException, TimeoutException {
                return call.get(timeout, unit);
            }
        };
    }

    private static String text(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static InterruptedException interrupted(String message, Throwable cause) {
        InterruptedException e = new InterruptedException(message);
        e.initCause(cause);
        return e;
    }
}
