package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

// Stub of workflow-step-api 710.v3e456cc85233 (all() is left out with ExtensionList; the deprecated
// newInstance(Map), defineArguments and uninstantiate are left out).
public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {}

    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isMetaStep() {
        throw new UnsupportedOperationException("stub");
    }

    public String argumentsToString(Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("stub");
    }
}
