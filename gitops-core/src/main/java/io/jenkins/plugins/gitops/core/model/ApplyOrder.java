package io.jenkins.plugins.gitops.core.model;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which objects are applied: what others need comes first (CRDs, Namespaces,
 * ClusterRoles, the {@code *Class} kinds, ...), webhooks last so they cannot block the rest; ties
 * by group, kind, namespace, name. Deletes run in the reverse order.
 */
public final class ApplyOrder {

    private static final List<String> FIRST = List.of(
            "CustomResourceDefinition",
            "Namespace",
            "ClusterRole",
            "*Class",
            "ClusterRoleBinding",
            "ResourceQuota",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "ConfigMap",
            "Secret",
            "Service",
            "LimitRange",
            "Deployment",
            "StatefulSet",
            "CronJob",
            "PodDisruptionBudget");

    private static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    /** Orders manifests for applying. */
    public static final Comparator<Manifest> MANIFESTS =
            Comparator.comparingInt((Manifest m) -> rank(m.kind())).thenComparing(Manifest::id);

    private ApplyOrder() {}

    /** The rank of a kind: lower applies earlier. */
    public static int rank(String kind) {
        int i = FIRST.indexOf(kind);
        if (i >= 0) {
            return i;
        }
        if (kind.endsWith("Class")) {
            return FIRST.indexOf("*Class");
        }
        int last = LAST.indexOf(kind);
        return last >= 0 ? FIRST.size() + 1 + last : FIRST.size();
    }

    /** A sorted copy. */
    public static List<Manifest> sort(List<Manifest> manifests) {
        return manifests.stream().sorted(MANIFESTS).toList();
    }
}
