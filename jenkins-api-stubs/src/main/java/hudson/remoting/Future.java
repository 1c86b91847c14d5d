package hudson.remoting;

// Stub of Remoting 3261.v9c670a_4748a_9: the manifest lists this type by reference only (FilePath#actAsync).
public interface Future<V> extends java.util.concurrent.Future<V> {}
