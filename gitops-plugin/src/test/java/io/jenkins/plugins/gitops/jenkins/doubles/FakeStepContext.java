package io.jenkins.plugins.gitops.jenkins.doubles;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
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
    private transient int saves;

    public FakeStepContext with(Class<?> type, Object value) {
        objects.put(type, value);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(objects.get(key));
    }

    @Override
    public void onSuccess(Object result) {
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome.completeExceptionally(t);
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
