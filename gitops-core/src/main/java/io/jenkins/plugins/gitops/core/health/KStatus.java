package io.jenkins.plugins.gitops.core.health;

import static java.util.Map.entry;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;
import java.util.Map;

/**
 * Health as kstatus computes it (cli-utils {@code pkg/kstatus/status}): the generic checks first
 * (deletion, unobserved generation, {@code Reconciling}, {@code Stalled}), then the rule of the
 * object's group and kind, then, for other kinds, the {@code Ready} condition. Jobs follow Flux's
 * rule. Messages describe the object's state; callers put the {@code Kind/namespace/name} in front.
 */
public final class KStatus {

    private static final HealthRule ALWAYS_CURRENT = new AlwaysCurrent();
    private static final HealthRule DEPLOYMENT = new DeploymentHealth();
    private static final HealthRule DAEMON_SET = new DaemonSetHealth();
    private static final HealthRule REPLICA_SET = new ReplicaSetHealth();
    private static final HealthRule OTHERS = new ReadyConditionHealth();

    /** Rules by {@code group/Kind} ({@code Kind} alone for the core group), as kstatus keys them. */
    private static final Map<String, HealthRule> RULES = Map.ofEntries(
            entry("Service", new ServiceHealth()),
            entry("Pod", new PodHealth()),
            entry("Secret", ALWAYS_CURRENT),
            entry("ConfigMap", ALWAYS_CURRENT),
            entry("PersistentVolumeClaim", new PersistentVolumeClaimHealth()),
            entry("apps/StatefulSet", new StatefulSetHealth()),
            entry("apps/DaemonSet", DAEMON_SET),
            entry("extensions/DaemonSet", DAEMON_SET),
            entry("apps/Deployment", DEPLOYMENT),
            entry("extensions/Deployment", DEPLOYMENT),
            entry("apps/ReplicaSet", REPLICA_SET),
            entry("extensions/ReplicaSet", REPLICA_SET),
            entry("policy/PodDisruptionBudget", new PodDisruptionBudgetHealth()),
            entry("batch/CronJob", ALWAYS_CURRENT),
            entry("batch/Job", new JobHealth()),
            entry("apiextensions.k8s.io/CustomResourceDefinition", new CustomResourceDefinitionHealth()));

    private KStatus() {}

    /** The health of a live object now. */
    public static Health compute(Manifest live) {
        return compute(live, Instant.now());
    }

    /** The health of a live object at {@code now} (only pending Pods look at the time). */
    public static Health compute(Manifest live, Instant now) {
        return GenericHealth.check(live).orElseGet(() -> ruleFor(live).evaluate(live, now));
    }

    static HealthRule ruleFor(Manifest live) {
        String group = live.group();
        return RULES.getOrDefault(group.isEmpty() ? live.kind() : group + "/" + live.kind(), OTHERS);
    }
}
