package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

// Stub of Jenkins 2.479.3 (all() is left out with DescriptorExtensionList).
@SuppressWarnings("deprecation")
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    public Builder() {}

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
