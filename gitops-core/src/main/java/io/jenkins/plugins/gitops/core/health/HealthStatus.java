package io.jenkins.plugins.gitops.core.health;

/** kstatus' statuses; {@link #toString()} is the word written in reports. */
public enum HealthStatus {
    CURRENT("Current"),
    IN_PROGRESS("InProgress"),
    FAILED("Failed"),
    TERMINATING("Terminating"),
    NOT_FOUND("NotFound"),
    UNKNOWN("Unknown");

    private final String word;

    HealthStatus(String word) {
        this.word = word;
    }

    @Override
    public String toString() {
        return word;
    }
}
