package hudson;

// Stub of Jenkins 2.479.3.
public interface ExtensionPoint {}
