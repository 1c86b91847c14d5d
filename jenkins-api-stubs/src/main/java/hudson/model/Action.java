package hudson.model;

// Stub of Jenkins 2.479.3.
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
