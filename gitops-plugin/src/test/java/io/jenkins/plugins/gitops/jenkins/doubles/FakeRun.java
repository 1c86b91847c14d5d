package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.model.Action;
import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** A build with a folder on disk, a result, actions and a previous build. */
public final class FakeRun extends Run<FakeJob, FakeRun> {

    private final File rootDir;
    private final FakeRun previous;
    private final int number;
    private final List<Action> actions = new ArrayList<>();
    private Result result;
    private boolean building;
    private int saves;

    public FakeRun(File rootDir, FakeRun previous) {
        super(null, 0L);
        this.rootDir = rootDir;
        this.previous = previous;
        this.number = previous == null ? 1 : previous.number + 1;
        rootDir.mkdirs();
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public FakeRun getPreviousBuild() {
        return previous;
    }

    @Override
    public int getNumber() {
        return number;
    }

    @Override
    public synchronized void save() {
        saves++;
    }

    /** How often {@link #save()} was called. */
    public synchronized int saves() {
        return saves;
    }

    @Override
    public boolean isBuilding() {
        return building;
    }

    /** Marks the build as running (or finished). */
    public FakeRun building(boolean running) {
        this.building = running;
        return this;
    }

    @Override
    public Result getResult() {
        return result;
    }

    @Override
    public void setResult(Result r) {
        result = r;
    }

    @Override
    public <T extends Action> List<T> getActions(Class<T> type) {
        List<T> list = new ArrayList<>();
        for (Action a : actions) {
            if (type.isInstance(a)) {
                list.add(type.cast(a));
            }
        }
        return list;
    }

    @Override
    public void addAction(Action a) {
        actions.add(a);
        if (a instanceof jenkins.model.RunAction2 r) {
            r.onAttached(this);
        }
    }

    @Override
    public boolean removeAction(Action a) {
        return actions.remove(a);
    }

    public List<Action> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return "FakeRun#" + number;
    }
}
