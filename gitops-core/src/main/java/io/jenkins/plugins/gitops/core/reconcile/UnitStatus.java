package io.jenkins.plugins.gitops.core.reconcile;

/** How a unit ended in a run; {@link #toString()} is the word written in reports. */
public enum UnitStatus {
    READY("Ready"),
    FAILED("Failed"),
    SKIPPED("Skipped"),
    SUSPENDED("Suspended");

    private final String word;

    UnitStatus(String word) {
        this.word = word;
    }

    @Override
    public String toString() {
        return word;
    }
}
