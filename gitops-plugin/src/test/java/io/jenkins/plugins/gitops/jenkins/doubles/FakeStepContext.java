package io.jenkins.plugins.gitops.jenkins.doubles;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** A step context over given objects that records how the step ended. */
public final class FakeStepContext extends StepContext {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, FakeStepContext> LIVE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger IDS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final int id = IDS.incrementAndGet();

    public FakeStepContext() {
        LIVE.put(id, this);
    }

    /** After a "restart" the execution's context is this same live object again, as Jenkins rebuilds it. */
    private Object readResolve() {
        return LIVE.get(id);
    }

    private final transient Map<Class<?>, Object> objects = new HashMap<>();
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private final transient Map<Class<?>, IOException> failures = new HashMap<>();
    private final transient java.util.concurrent.atomic.AtomicInteger completions =
            new java.util.concurrent.atomic.AtomicInteger();
    private transient int saves;

    public FakeStepContext with(Class<?> type, Object value) {
        objects.put(type, value);
        return this;
    }

    /** Asking for {@code type} throws {@code failure}, as asking for an offline agent's workspace does. */
    public FakeStepContext failing(Class<?> type, IOException failure) {
        failures.put(type, failure);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) throws IOException {
        IOException failure = failures.get(key);
        if (failure != null) {
            throw failure;
        }
        return key.cast(objects.get(key));
    }

    @Override
    public void onSuccess(Object result) {
        completions.incrementAndGet();
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        completions.incrementAndGet();
        outcome.completeExceptionally(t);
    }

    /** How often the step completed this context; Pipeline expects once. */
    public int completions() {
        return completions.get();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        saves++;
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {}

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("no body");
    }

    public Object await(long seconds) throws Exception {
        return outcome.get(seconds, TimeUnit.SECONDS);
    }

    public boolean done() {
        return outcome.isDone();
    }

    public int saves() {
        return saves;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
