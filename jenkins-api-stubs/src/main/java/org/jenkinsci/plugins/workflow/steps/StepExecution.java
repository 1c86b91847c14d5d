package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

// Stub of workflow-step-api 710.v3e456cc85233 (the static acceptAll/applyAll helpers are left out).
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    @Deprecated
    protected StepExecution() {}

    protected StepExecution(StepContext context) {}

    public StepContext getContext() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public void onResume() {
        throw new UnsupportedOperationException("stub");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stub");
    }

    public final String getStatusBounded(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("stub");
    }
}
