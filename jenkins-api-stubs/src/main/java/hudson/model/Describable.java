package hudson.model;

// Stub of Jenkins 2.479.3 (getDescriptor is abstract here; it became a default method only in 2.505+).
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
