package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.security.ACL;

/** A job of {@link FakeRun}s. */
public final class FakeJob extends Job<FakeJob, FakeRun> {

    public FakeJob() {
        super(null, "fake");
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
