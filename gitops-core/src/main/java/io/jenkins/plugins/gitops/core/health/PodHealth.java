package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Pod by phase, as kstatus reads it: finished pods are Current whatever their outcome (their
 * owner judges that); a running pod is Current when Ready and Failed when a container is in
 * {@code CrashLoopBackOff}; a pending pod is Failed once it has been unschedulable for longer than
 * the scheduling window.
 */
final class PodHealth implements HealthRule {

    /** How long a pod may stay unschedulable before it counts as Failed (kstatus' window). */
    static final Duration SCHEDULE_WINDOW = Duration.ofSeconds(15);

    @Override
    public Health evaluate(Manifest live, Instant now) {
        String phase = Fields.string(live, "", "status", "phase");
        switch (phase) {
            case "Succeeded":
                return Health.current("completed successfully");
            case "Failed":
                return Health.current("completed, but not successfully");
            case "Running":
                return running(live);
            case "Pending":
                return pending(live, now);
            case "":
                return Health.inProgress("phase not reported yet");
            default:
                return new Health(HealthStatus.UNKNOWN, "unknown phase " + phase);
        }
    }

    private static Health running(Manifest live) {
        if (Condition.find(live, "Ready").filter(Condition::isTrue).isPresent()) {
            return Health.current("running and ready");
        }
        List<String> crashing = crashLooping(live);
        if (!crashing.isEmpty()) {
            return Health.failed("containers in CrashLoopBackOff: " + String.join(", ", crashing));
        }
        return Health.inProgress("running but not ready");
    }

    private static Health pending(Manifest live, Instant now) {
        Optional<Condition> unschedulable = Condition.of(live).stream()
                .filter(c -> c.type().equals("PodScheduled")
                        && c.isFalse()
                        && c.reason().equals("Unschedulable"))
                .findFirst();
        if (unschedulable.isEmpty()) {
            return Health.inProgress("pending");
        }
        Optional<Instant> created = creation(live);
        if (created.isPresent() && now.minus(SCHEDULE_WINDOW).isBefore(created.get())) {
            return Health.inProgress("not scheduled yet");
        }
        return Health.failed("cannot be scheduled: " + unschedulable.get().explanation("Unschedulable"));
    }

    private static List<String> crashLooping(Manifest live) {
        List<String> names = new ArrayList<>();
        for (Object item : Trees.list(live.body(), "status", "containerStatuses")) {
            if (item instanceof Map<?, ?> status) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tree = (Map<String, Object>) status;
                if ("CrashLoopBackOff"
                        .equals(Trees.string(tree, "state", "waiting", "reason").orElse(""))) {
                    names.add(Trees.string(tree, "name").orElse("?"));
                }
            }
        }
        return names;
    }

    private static Optional<Instant> creation(Manifest live) {
        try {
            return Trees.string(live.body(), "metadata", "creationTimestamp").map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
