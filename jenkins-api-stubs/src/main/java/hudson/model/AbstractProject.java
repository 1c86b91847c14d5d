package hudson.model;

import hudson.FilePath;

// Stub of Jenkins 2.479.3 (curated type).
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> {
    @SuppressWarnings("rawtypes")
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }

    public final FilePath getSomeWorkspace() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isDisabled() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public R getFirstBuild() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public R getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }
}
