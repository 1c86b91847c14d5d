package io.jenkins.plugins.gitops.core.health;

/** The health of one object: a status and a message people can act on. */
public record Health(HealthStatus status, String message) {

    public static Health current(String message) {
        return new Health(HealthStatus.CURRENT, message);
    }

    public static Health inProgress(String message) {
        return new Health(HealthStatus.IN_PROGRESS, message);
    }

    public static Health failed(String message) {
        return new Health(HealthStatus.FAILED, message);
    }
}
