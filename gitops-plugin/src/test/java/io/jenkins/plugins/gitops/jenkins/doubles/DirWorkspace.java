package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.FilePath;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A workspace on a local folder, behaving as remoting does where it matters: the callable is
 * serialized before it runs (the listener travels as itself here, where remoting would export its
 * stream) and runs on another thread; {@link #act} interrupted while waiting cancels the call,
 * interrupting it and dropping its result, as {@code hudson.remoting.Request.call} does;
 * {@link #actAsync}'s future drops the result once cancelled. Every callable sent is recorded.
 */
public final class DirWorkspace implements AgentWorkspace {

    private final File dir;
    public final List<FilePath.FileCallable<?>> sent = new CopyOnWriteArrayList<>();

    public DirWorkspace(File dir) {
        this.dir = dir;
        dir.mkdirs();
    }

    public java.nio.file.Path sentDir() {
        return dir.toPath();
    }

    @Override
    public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
        Future<T> future = actAsync(callable);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public <T> Future<T> actAsync(FilePath.FileCallable<T> callable) throws IOException {
        sent.add(callable);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(callable);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        // run the original: the console double keeps its output in memory on this side
        FutureTask<T> task = new FutureTask<>(() -> callable.invoke(dir, null));
        Thread agent = new Thread(task, "agent: " + callable.getClass().getSimpleName());
        agent.setDaemon(true);
        agent.start();
        return task;
    }
}
