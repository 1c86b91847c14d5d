package hudson.model;

import hudson.ExtensionPoint;

// Stub of Jenkins 2.479.3 (curated type).
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
    @SuppressWarnings("rawtypes")
    protected Job(ItemGroup parent, String name) {}

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stub");
    }

    public int getNextBuildNumber() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getBuild(String id) {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getFirstBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("stub");
    }
}
