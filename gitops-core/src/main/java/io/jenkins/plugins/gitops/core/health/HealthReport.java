package io.jenkins.plugins.gitops.core.health;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a wait found: the last health of every object, in the order asked for, an overall status
 * and one line for people.
 *
 * <p>The overall status is Current when every object is, Failed when one is (the wait ends at
 * once), InProgress when the timeout passed first, and Unknown when the wait was interrupted.
 */
public record HealthReport(HealthStatus status, List<ObjectHealth> objects, String summary) implements Serializable {

    private static final long serialVersionUID = 1L;

    public HealthReport {
        objects = List.copyOf(objects);
    }

    public boolean isCurrent() {
        return status == HealthStatus.CURRENT;
    }

    /** The objects that are not Current, in order. */
    public List<ObjectHealth> notCurrent() {
        return notCurrent(objects);
    }

    static HealthReport allCurrent(List<ObjectHealth> objects) {
        String summary = objects.isEmpty()
                ? "nothing to wait for"
                : (objects.size() == 1 ? "1 object is" : "all " + objects.size() + " objects are") + " Current";
        return new HealthReport(HealthStatus.CURRENT, objects, summary);
    }

    static HealthReport failed(List<ObjectHealth> objects) {
        List<ObjectHealth> failed =
                objects.stream().filter(o -> o.status() == HealthStatus.FAILED).toList();
        return new HealthReport(HealthStatus.FAILED, objects, "health check failed: " + join(failed));
    }

    static HealthReport timedOut(List<ObjectHealth> objects) {
        return new HealthReport(HealthStatus.IN_PROGRESS, objects, "timeout waiting for: " + join(notCurrent(objects)));
    }

    static HealthReport interrupted(List<ObjectHealth> objects) {
        return new HealthReport(
                HealthStatus.UNKNOWN, objects, "interrupted while waiting for: " + join(notCurrent(objects)));
    }

    private static List<ObjectHealth> notCurrent(List<ObjectHealth> objects) {
        return objects.stream().filter(o -> o.status() != HealthStatus.CURRENT).toList();
    }

    private static String join(List<ObjectHealth> objects) {
        return objects.stream().map(ObjectHealth::toString).collect(Collectors.joining("; "));
    }
}
