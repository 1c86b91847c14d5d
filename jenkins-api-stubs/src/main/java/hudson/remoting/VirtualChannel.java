package hudson.remoting;

import java.io.IOException;

// Stub of Remoting 3261.v9c670a_4748a_9.
public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    void close() throws IOException;

    void join() throws InterruptedException;

    void join(long timeout) throws InterruptedException;

    <T> T export(Class<T> type, T instance);

    void syncLocalIO() throws InterruptedException;
}
