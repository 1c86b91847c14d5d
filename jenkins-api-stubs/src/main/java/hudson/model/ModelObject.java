package hudson.model;

// Stub of Jenkins 2.479.3.
public interface ModelObject {
    String getDisplayName();
}
