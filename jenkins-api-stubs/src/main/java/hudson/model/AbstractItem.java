package hudson.model;

// Stub of Jenkins 2.479.3; the manifest lists this type by reference only, so no members
// (the constructor is package-private so that it stays out of the API the stubs claim).
public abstract class AbstractItem extends Actionable implements Item {
    AbstractItem() {}
}
