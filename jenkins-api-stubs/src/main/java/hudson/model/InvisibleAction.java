package hudson.model;

// Stub of Jenkins 2.479.3.
public abstract class InvisibleAction implements Action {
    public InvisibleAction() {}

    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stub");
    }
}
