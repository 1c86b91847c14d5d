package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Stub of Jenkins 2.479.3 (a selection of members).
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public FilePath(VirtualChannel channel, String remote) {}

    public FilePath(File localPath) {}

    public FilePath(FilePath base, String rel) {}

    public String getRemote() {
        throw new UnsupportedOperationException("stub");
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public <T> hudson.remoting.Future<T> actAsync(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public URI toURI() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void deleteContents() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public String getBaseName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stub");
    }

    public FilePath getParent() {
        throw new UnsupportedOperationException("stub");
    }

    public FilePath createTempDir(String prefix, String suffix) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public FilePath createTextTempFile(String prefix, String suffix, String contents)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public long length() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public List<FilePath> list() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void copyFrom(FilePath src) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void copyTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void symlinkTo(String target, TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isDescendant(String potentialChildRelativePath) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean equals(Object o) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("stub");
    }
}
