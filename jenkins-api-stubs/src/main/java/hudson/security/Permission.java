package hudson.security;

// Stub of Jenkins 2.479.3 (curated type; the constructors need PermissionGroup and Localizable, which
// the stubs do not declare, so plugins cannot define permissions against the stubs).
public final class Permission {
    private Permission() {}

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }
}
