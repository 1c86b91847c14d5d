package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The statuses the emulator's stand-in controllers write: a ready (or completed, bound, exposed)
 * status, or a failed one for workloads a test marked as failing. Pure functions of the object.
 */
final class WorkloadController {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    private WorkloadController() {}

    static boolean handles(ResourceType type) {
        return (type.group().equals("apps") && WORKLOADS.contains(type.kind()))
                || type.is("batch", "Job")
                || type.is("", "PersistentVolumeClaim")
                || type.is("", "Service");
    }

    static boolean isWorkload(ResourceType type) {
        return type.group().equals("apps") && WORKLOADS.contains(type.kind());
    }

    /** The status a healthy controller would converge to, or {@code null} when it writes none. */
    static ObjectNode ready(ResourceType type, JsonNode object, int addressIndex) {
        ObjectNode status = object.path("status").isObject()
                ? ((ObjectNode) object.get("status")).deepCopy()
                : JsonTrees.JSON.createObjectNode();
        JsonNode spec = object.path("spec");
        long generation = object.path("metadata").path("generation").asLong(1);
        int replicas = spec.path("replicas").asInt(1);
        String name = object.path("metadata").path("name").asText();
        switch (type.kind()) {
            case "Deployment" -> {
                status.put("observedGeneration", generation);
                replicaCounts(status, replicas, replicas);
                status.put("availableReplicas", replicas);
                ArrayNode conditions = status.putArray("conditions");
                condition(
                        conditions,
                        "Available",
                        "True",
                        "MinimumReplicasAvailable",
                        "Deployment has minimum availability.");
                condition(
                        conditions,
                        "Progressing",
                        "True",
                        "NewReplicaSetAvailable",
                        "ReplicaSet \"" + name + "-emulated\" has successfully progressed.");
            }
            case "StatefulSet" -> {
                status.put("observedGeneration", generation);
                replicaCounts(status, replicas, replicas);
                status.put("availableReplicas", replicas);
                status.put("currentReplicas", replicas);
                status.put("currentRevision", name + "-" + generation);
                status.put("updateRevision", name + "-" + generation);
            }
            case "ReplicaSet" -> {
                status.put("observedGeneration", generation);
                status.put("replicas", replicas);
                status.put("readyReplicas", replicas);
                status.put("availableReplicas", replicas);
                status.put("fullyLabeledReplicas", replicas);
            }
            case "DaemonSet" -> {
                status.put("observedGeneration", generation);
                for (String field : new String[] {
                    "desiredNumberScheduled",
                    "currentNumberScheduled",
                    "numberReady",
                    "updatedNumberScheduled",
                    "numberAvailable"
                }) {
                    status.put(field, 1);
                }
                status.put("numberMisscheduled", 0);
            }
            case "Job" -> {
                if (status.has("completionTime")) {
                    return status;
                }
                String now = JsonTrees.now();
                status.put("startTime", now);
                status.put("completionTime", now);
                status.put("succeeded", spec.path("completions").asInt(1));
                status.put("ready", 0);
                ArrayNode conditions = status.putArray("conditions");
                condition(
                        conditions,
                        "SuccessCriteriaMet",
                        "True",
                        "CompletionsReached",
                        "Reached expected number of succeeded pods");
                condition(
                        conditions,
                        "Complete",
                        "True",
                        "CompletionsReached",
                        "Reached expected number of succeeded pods");
            }
            case "PersistentVolumeClaim" -> {
                status.put("phase", "Bound");
                if (spec.has("accessModes")) {
                    status.set("accessModes", spec.get("accessModes").deepCopy());
                }
                if (spec.path("resources").has("requests")) {
                    status.set(
                            "capacity", spec.path("resources").get("requests").deepCopy());
                }
            }
            case "Service" -> {
                if (!"LoadBalancer".equals(spec.path("type").asText())) {
                    return null;
                }
                if (status.path("loadBalancer").path("ingress").isEmpty()) {
                    ArrayNode ingress = status.putObject("loadBalancer").putArray("ingress");
                    // TEST-NET-1 (RFC 5737): an address that is never routed
                    ingress.addObject().put("ip", "192.0.2." + (1 + addressIndex % 254));
                }
            }
            default -> {
                return null;
            }
        }
        return status;
    }

    /** The status of a workload that failed to roll out, or a Job that failed. */
    static ObjectNode failed(ResourceType type, JsonNode object, String message) {
        ObjectNode status = JsonTrees.JSON.createObjectNode();
        long generation = object.path("metadata").path("generation").asLong(1);
        int replicas = object.path("spec").path("replicas").asInt(1);
        if (type.is("batch", "Job")) {
            status.put("startTime", JsonTrees.now());
            status.put("failed", 1);
            condition(status.putArray("conditions"), "Failed", "True", "BackoffLimitExceeded", message);
            return status;
        }
        status.put("observedGeneration", generation);
        replicaCounts(status, replicas, 0);
        status.put("unavailableReplicas", replicas);
        ArrayNode conditions = status.putArray("conditions");
        condition(
                conditions,
                "Available",
                "False",
                "MinimumReplicasUnavailable",
                "Deployment does not have minimum availability.");
        condition(conditions, "Progressing", "False", "ProgressDeadlineExceeded", message);
        return status;
    }

    private static void replicaCounts(ObjectNode status, int replicas, int ready) {
        status.put("replicas", replicas);
        status.put("updatedReplicas", replicas);
        status.put("readyReplicas", ready);
    }

    private static void condition(ArrayNode conditions, String type, String value, String reason, String message) {
        ObjectNode condition = conditions.addObject();
        String now = JsonTrees.now();
        condition.put("type", type);
        condition.put("status", value);
        condition.put("lastUpdateTime", now);
        condition.put("lastTransitionTime", now);
        condition.put("reason", reason);
        condition.put("message", message);
    }
}
