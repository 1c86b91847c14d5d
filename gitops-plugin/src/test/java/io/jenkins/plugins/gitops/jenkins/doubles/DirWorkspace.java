package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.FilePath;
import io.jenkins.plugins.gitops.jenkins.runner.AgentWorkspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace on a local folder. Like remoting, it serializes the callable before running it (the
 * listener travels as itself here, where remoting would export its stream), and records it.
 */
public final class DirWorkspace implements AgentWorkspace {

    private final File dir;
    public final List<FilePath.FileCallable<?>> sent = new ArrayList<>();

    public DirWorkspace(File dir) {
        this.dir = dir;
        dir.mkdirs();
    }

    public java.nio.file.Path sentDir() {
        return dir.toPath();
    }

    @Override
    public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
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
        return callable.invoke(dir, null);
    }
}
