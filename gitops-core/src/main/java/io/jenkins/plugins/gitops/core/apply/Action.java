package io.jenkins.plugins.gitops.core.apply;

/** What happened to one object; {@link #toString()} is the word written in reports. */
public enum Action {
    CREATED,
    CONFIGURED,
    UNCHANGED,
    DELETED,
    SKIPPED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
