package org.jenkinsci.plugins.workflow.steps;

// Stub of workflow-step-api 710.v3e456cc85233.
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getStatus() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stub");
    }
}
