package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

// Stub of workflow-step-api 710.v3e456cc85233.
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public Step() {}

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
