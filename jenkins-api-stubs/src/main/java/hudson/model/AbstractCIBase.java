package hudson.model;

// Stub of Jenkins 2.479.3; the manifest lists this type by reference only. The real class declares no
// constructor, so it has the implicit public one; jenkins.model.Jenkins needs it to compile.
public abstract class AbstractCIBase extends Node {
    public AbstractCIBase() {}
}
