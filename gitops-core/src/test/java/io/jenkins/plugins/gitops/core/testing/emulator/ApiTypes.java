package io.jenkins.plugins.gitops.core.testing.emulator;

import static io.jenkins.plugins.gitops.core.testing.emulator.ResourceType.builtIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kinds the emulator serves: a fixed table of built-in kinds plus, computed on every request,
 * the served versions of each CustomResourceDefinition whose {@code Established} condition is true.
 */
final class ApiTypes {

    static final String CRD_GROUP = "apiextensions.k8s.io";

    static final List<ResourceType> BUILT_IN = List.of(
            builtIn("", "v1", "Namespace", "namespaces", false, true),
            builtIn("", "v1", "ConfigMap", "configmaps", true, false),
            builtIn("", "v1", "Secret", "secrets", true, false),
            builtIn("", "v1", "Service", "services", true, true),
            builtIn("", "v1", "ServiceAccount", "serviceaccounts", true, false),
            builtIn("", "v1", "Pod", "pods", true, true),
            builtIn("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, true),
            builtIn("", "v1", "ResourceQuota", "resourcequotas", true, true),
            builtIn("", "v1", "LimitRange", "limitranges", true, false),
            builtIn("", "v1", "Event", "events", true, false),
            builtIn("apps", "v1", "Deployment", "deployments", true, true),
            builtIn("apps", "v1", "StatefulSet", "statefulsets", true, true),
            builtIn("apps", "v1", "DaemonSet", "daemonsets", true, true),
            builtIn("apps", "v1", "ReplicaSet", "replicasets", true, true),
            builtIn("batch", "v1", "Job", "jobs", true, true),
            builtIn("batch", "v1", "CronJob", "cronjobs", true, true),
            builtIn("rbac.authorization.k8s.io", "v1", "Role", "roles", true, false),
            builtIn("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, false),
            builtIn("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, false),
            builtIn("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, false),
            builtIn(CRD_GROUP, "v1", "CustomResourceDefinition", "customresourcedefinitions", false, true),
            builtIn("networking.k8s.io", "v1", "Ingress", "ingresses", true, true),
            builtIn("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, false),
            builtIn("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false),
            builtIn("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, true),
            builtIn("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, false),
            builtIn(
                    "admissionregistration.k8s.io",
                    "v1",
                    "ValidatingWebhookConfiguration",
                    "validatingwebhookconfigurations",
                    false,
                    false),
            builtIn(
                    "admissionregistration.k8s.io",
                    "v1",
                    "MutatingWebhookConfiguration",
                    "mutatingwebhookconfigurations",
                    false,
                    false));

    static final ResourceType CRD = BUILT_IN.stream()
            .filter(t -> t.plural().equals("customresourcedefinitions"))
            .findFirst()
            .orElseThrow();

    static final ResourceType NAMESPACE = BUILT_IN.get(0);

    private ApiTypes() {}

    /** Every served type: the built-ins, then the kinds of the given Established CRDs. */
    static List<ResourceType> served(List<JsonNode> crds) {
        List<ResourceType> all = new ArrayList<>(BUILT_IN);
        for (JsonNode crd : crds) {
            if (isEstablished(crd)) {
                all.addAll(typesOf(crd));
            }
        }
        return all;
    }

    static Optional<ResourceType> find(List<ResourceType> served, String group, String version, String plural) {
        return served.stream()
                .filter(t -> t.group().equals(group)
                        && t.version().equals(version)
                        && t.plural().equals(plural))
                .findFirst();
    }

    static boolean isEstablished(JsonNode crd) {
        for (JsonNode condition : crd.path("status").path("conditions")) {
            if ("Established".equals(condition.path("type").asText())
                    && "True".equals(condition.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The types a CRD defines, one per served version, whether or not it is Established. */
    static List<ResourceType> typesOf(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            types.add(new ResourceType(
                    spec.path("group").asText(),
                    version.path("name").asText(),
                    names.path("kind").asText(),
                    names.path("plural").asText(),
                    names.path("singular").asText(names.path("kind").asText().toLowerCase(java.util.Locale.ROOT)),
                    !"Cluster".equals(spec.path("scope").asText()),
                    version.path("subresources").has("status"),
                    shortNames));
        }
        return types;
    }
}
