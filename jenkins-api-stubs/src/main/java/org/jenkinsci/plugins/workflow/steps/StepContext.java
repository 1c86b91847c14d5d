package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

// Stub of workflow-step-api 710.v3e456cc85233. Every abstract member of the real class is here, so a
// test double written against the stubs implements the same methods as one written against the real API.
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public StepContext() {}

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public boolean hasBody() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
