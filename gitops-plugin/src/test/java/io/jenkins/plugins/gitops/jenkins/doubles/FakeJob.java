package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.security.ACL;
import java.io.File;

/** A job of {@link FakeRun}s: builds added with {@link #newBuild(File)} are numbered from 1. */
public final class FakeJob extends Job<FakeJob, FakeRun> {

    private FakeRun lastBuild;

    public FakeJob() {
        super(null, "fake");
    }

    /** Adds the job's next build, with its folder at {@code rootDir}, and returns it. */
    public FakeRun newBuild(File rootDir) {
        lastBuild = new FakeRun(rootDir, lastBuild);
        return lastBuild;
    }

    @Override
    public FakeRun getLastBuild() {
        return lastBuild;
    }

    @Override
    public ItemGroup<? extends hudson.model.Item> getParent() {
        return null;
    }

    @Override
    public String getName() {
        return "fake";
    }

    @Override
    public String getFullName() {
        return "fake";
    }

    @Override
    public String getDisplayName() {
        return "fake";
    }

    @Override
    public String getFullDisplayName() {
        return "fake";
    }

    @Override
    public String getUrl() {
        return "job/fake/";
    }

    @Override
    public String getShortUrl() {
        return "job/fake/";
    }

    @Override
    public void save() {}

    @Override
    public ACL getACL() {
        return null;
    }
}
