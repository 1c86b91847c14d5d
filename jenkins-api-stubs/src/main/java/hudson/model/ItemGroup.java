package hudson.model;

// Stub of Jenkins 2.479.3; the manifest lists this type by reference only, so no members of its own.
public interface ItemGroup<T extends Item> extends ModelObject {}
