package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.apply.Action;
import io.jenkins.plugins.gitops.core.apply.Change;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.health.ObjectHealth;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport.UnitDrift;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic run over a layered platform: namespaces and CRDs ready, the certificate operator
 * failing its health check, everything that depends on it skipped; and a job history of five
 * builds with drift found in one.
 */
final class PlatformRun {

    static final String REVISION = "main@sha1:3b493eb4c0ffee1d2c8a9f0e7b6a5d4c3b2a1f09";
    static final String OLD_REVISION = "main@sha1:9f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";
    static final long STARTED = 1_763_474_400_000L; // 2025-11-18 14:00 UTC
    /** The fleet as the steps name it: {@code <repository>#<path>}. */
    static final String FLEET = "https://git.example.io/platform/fleet.git#clusters/prod";

    private PlatformRun() {}

    static List<UnitNode> graph() {
        return List.of(
                node("flux-system/namespaces", 0, List.of(), "flux-system/platform"),
                node("flux-system/crds", 0, List.of(), "flux-system/platform"),
                node(
                        "flux-system/cert-operator",
                        1,
                        List.of("flux-system/crds", "flux-system/namespaces"),
                        "flux-system/platform"),
                node(
                        "flux-system/ingress",
                        1,
                        List.of("flux-system/namespaces", "flux-system/crds"),
                        "flux-system/platform"),
                node("flux-system/monitoring", 1, List.of("flux-system/crds"), "flux-system/platform"),
                node("flux-system/security", 2, List.of("flux-system/cert-operator"), "flux-system/platform"),
                node(
                        "flux-system/databases",
                        2,
                        List.of("flux-system/namespaces", "flux-system/monitoring"),
                        "flux-system/platform"),
                new UnitNode("monitoring/kube-prometheus-stack", "HelmRelease", 2, List.of(), "flux-system/monitoring"),
                node(
                        "flux-system/apps",
                        3,
                        List.of("flux-system/security", "flux-system/databases", "flux-system/ingress"),
                        "flux-system/platform"),
                new UnitNode("apps/podinfo", "HelmRelease", 4, List.of(), "flux-system/apps"),
                node("apps/guestbook", 4, List.of("apps/podinfo"), "flux-system/apps"));
    }

    private static UnitNode node(String id, int wave, List<String> dependsOn, String parent) {
        // the root that renders the layers is not part of this run's selection
        return new UnitNode(
                id, "Kustomization", wave, dependsOn, parent.equals("flux-system/platform") ? null : parent);
    }

    static ReconcileReport failedRun() {
        return run(REVISION, true, 8_734);
    }

    static ReconcileReport run(String revision, boolean certFails, long duration) {
        List<UnitReport> units = new ArrayList<>();
        units.add(ready(
                "flux-system/namespaces",
                revision,
                List.of(
                        change("Namespace/apps", Action.CREATED), change("Namespace/cert-system", Action.UNCHANGED),
                        change("Namespace/monitoring", Action.UNCHANGED),
                                change("Namespace/databases", Action.UNCHANGED)),
                List.of(
                        "_apps__Namespace",
                        "_cert-system__Namespace",
                        "_monitoring__Namespace",
                        "_databases__Namespace"),
                List.of(),
                412));
        units.add(ready(
                "flux-system/crds",
                revision,
                List.of(
                        change("CustomResourceDefinition/certificates.cert.example.io", Action.CONFIGURED),
                        change("CustomResourceDefinition/issuers.cert.example.io", Action.UNCHANGED),
                        change("CustomResourceDefinition/servicemonitors.monitoring.coreos.com", Action.UNCHANGED)),
                List.of(
                        "_certificates.cert.example.io_apiextensions.k8s.io_CustomResourceDefinition",
                        "_issuers.cert.example.io_apiextensions.k8s.io_CustomResourceDefinition",
                        "_servicemonitors.monitoring.coreos.com_apiextensions.k8s.io_CustomResourceDefinition"),
                List.of(
                        health(
                                "CustomResourceDefinition/certificates.cert.example.io",
                                HealthStatus.CURRENT,
                                "established"),
                        health(
                                "CustomResourceDefinition/issuers.cert.example.io",
                                HealthStatus.CURRENT,
                                "established")),
                1_180));
        if (certFails) {
            units.add(new UnitReport(
                    "flux-system/cert-operator",
                    "Kustomization",
                    UnitStatus.FAILED,
                    "HealthCheckFailed",
                    "timeout waiting for: Deployment/cert-system/cert-operator InProgress: 0 of 2 replicas ready",
                    revision,
                    List.of(
                            change("ServiceAccount/cert-system/cert-operator", Action.CREATED),
                            change("ClusterRole/cert-operator", Action.CREATED),
                            change("ClusterRoleBinding/cert-operator", Action.CREATED),
                            change("Deployment/cert-system/cert-operator", Action.CONFIGURED)),
                    List.of(
                            "cert-system_cert-operator__ServiceAccount",
                                    "_cert-operator_rbac.authorization.k8s.io_ClusterRole",
                            "_cert-operator_rbac.authorization.k8s.io_ClusterRoleBinding",
                                    "cert-system_cert-operator_apps_Deployment"),
                    List.of(
                            health(
                                    "Deployment/cert-system/cert-operator",
                                    HealthStatus.IN_PROGRESS,
                                    "0 of 2 replicas ready"),
                            health(
                                    "Pod/cert-system/cert-operator-7d9c5b-x2k4q",
                                    HealthStatus.FAILED,
                                    "ImagePullBackOff: registry.example.io/cert-operator:v1.14.2 not found")),
                    5_012));
        } else {
            units.add(ready(
                    "flux-system/cert-operator",
                    revision,
                    List.of(change("Deployment/cert-system/cert-operator", Action.UNCHANGED)),
                    List.of("cert-system_cert-operator_apps_Deployment"),
                    List.of(health(
                            "Deployment/cert-system/cert-operator", HealthStatus.CURRENT, "2 of 2 replicas ready")),
                    2_204));
        }
        units.add(ready(
                "flux-system/ingress",
                revision,
                List.of(
                        change("Deployment/ingress/ingress-nginx-controller", Action.UNCHANGED),
                        change("Service/ingress/ingress-nginx", Action.UNCHANGED)),
                List.of("ingress_ingress-nginx-controller_apps_Deployment", "ingress_ingress-nginx__Service"),
                List.of(health(
                        "Deployment/ingress/ingress-nginx-controller", HealthStatus.CURRENT, "2 of 2 replicas ready")),
                1_630));
        units.add(ready(
                "flux-system/monitoring",
                revision,
                List.of(
                        change("HelmRepository/monitoring/prometheus-community", Action.UNCHANGED),
                        change("HelmRelease/monitoring/kube-prometheus-stack", Action.CONFIGURED)),
                List.of(
                        "monitoring_prometheus-community_source.toolkit.fluxcd.io_HelmRepository",
                        "monitoring_kube-prometheus-stack_helm.toolkit.fluxcd.io_HelmRelease"),
                List.of(),
                940));
        if (certFails) {
            units.add(skipped("flux-system/security", revision, "dependency 'flux-system/cert-operator' is not ready"));
        } else {
            units.add(ready(
                    "flux-system/security",
                    revision,
                    List.of(change("Issuer/cert-system/letsencrypt", Action.UNCHANGED)),
                    List.of("cert-system_letsencrypt_cert.example.io_Issuer"),
                    List.of(),
                    880));
        }
        units.add(ready(
                "flux-system/databases",
                revision,
                List.of(
                        change("StatefulSet/databases/postgres", Action.CONFIGURED),
                        change("Service/databases/postgres", Action.UNCHANGED),
                        change("ConfigMap/databases/postgres-tuning", Action.DELETED)),
                List.of("databases_postgres_apps_StatefulSet", "databases_postgres__Service"),
                List.of(health("StatefulSet/databases/postgres", HealthStatus.CURRENT, "3 of 3 replicas ready")),
                3_410));
        units.add(ready(
                "monitoring/kube-prometheus-stack",
                "77.0.1",
                List.of(),
                List.of(),
                List.of(health(
                        "HelmRelease/monitoring/kube-prometheus-stack",
                        HealthStatus.CURRENT,
                        "Helm upgrade succeeded")),
                2_870));
        if (certFails) {
            units.add(skipped("flux-system/apps", revision, "dependency 'flux-system/security' is not ready"));
            units.add(skipped("apps/podinfo", null, "parent 'flux-system/apps' did not run"));
            units.add(skipped("apps/guestbook", null, "parent 'flux-system/apps' did not run"));
        } else {
            units.add(ready(
                    "flux-system/apps",
                    revision,
                    List.of(change("HelmRelease/apps/podinfo", Action.UNCHANGED)),
                    List.of("apps_podinfo_helm.toolkit.fluxcd.io_HelmRelease"),
                    List.of(),
                    700));
            units.add(ready("apps/podinfo", "6.9.2", List.of(), List.of(), List.of(), 1_900));
            units.add(ready(
                    "apps/guestbook",
                    revision,
                    List.of(change("Deployment/apps/guestbook", Action.UNCHANGED)),
                    List.of("apps_guestbook_apps_Deployment"),
                    List.of(),
                    640));
        }
        List<Event> events = new ArrayList<>();
        events.add(new Event(
                15, "flux-system/namespaces", "Normal", "Progressing", "applied 4 objects: 1 created, 3 unchanged"));
        events.add(new Event(427, "flux-system/namespaces", "Normal", "ReconciliationSucceeded", "Ready in 412 ms"));
        events.add(new Event(1_195, "flux-system/crds", "Normal", "ReconciliationSucceeded", "Ready in 1.2 s"));
        if (certFails) {
            events.add(new Event(
                    1_240,
                    "flux-system/cert-operator",
                    "Normal",
                    "Progressing",
                    "applied 4 objects: 3 created, 1 configured"));
            events.add(new Event(
                    1_260,
                    "flux-system/cert-operator",
                    "Normal",
                    "Progressing",
                    "waiting for Deployment/cert-system/cert-operator"));
            events.add(new Event(
                    6_252,
                    "flux-system/cert-operator",
                    "Warning",
                    "HealthCheckFailed",
                    "timeout waiting for: Deployment/cert-system/cert-operator InProgress: 0 of 2 replicas ready"));
            events.add(new Event(
                    6_253,
                    "flux-system/security",
                    "Warning",
                    "DependencyNotReady",
                    "dependency 'flux-system/cert-operator' is not ready"));
        }
        events.add(new Event(2_870, "flux-system/ingress", "Normal", "ReconciliationSucceeded", "Ready in 1.6 s"));
        events.add(new Event(
                6_310,
                "flux-system/databases",
                "Normal",
                "ReconciliationSucceeded",
                "Ready in 3.4 s; pruned ConfigMap/databases/postgres-tuning"));
        if (certFails) {
            events.add(new Event(
                    8_700,
                    "flux-system/apps",
                    "Warning",
                    "DependencyNotReady",
                    "dependency 'flux-system/security' is not ready"));
        }
        events.sort(java.util.Comparator.comparingLong(Event::atMs));
        return new ReconcileReport(
                "https://git.example.io/platform/fleet.git",
                revision,
                "clusters/prod",
                false,
                units,
                events,
                List.of(),
                STARTED,
                duration);
    }

    /** Five builds, newest #105: a clean apply, a drift check that found drift, a correcting apply, a clean check, the failed run. */
    static List<BuildRecord> history() {
        long hour = 3_600_000L;
        return List.of(
                BuildRecord.applied(101, STARTED - 20 * hour, run(OLD_REVISION, false, 14_220)),
                BuildRecord.diffed(102, STARTED - 14 * hour, drift(true)),
                BuildRecord.applied(103, STARTED - 13 * hour, run(OLD_REVISION, false, 12_905)),
                BuildRecord.diffed(104, STARTED - 2 * hour, drift(false)),
                BuildRecord.applied(105, STARTED, failedRun()));
    }

    static DriftReport drift(boolean drifted) {
        List<UnitDrift> units = new ArrayList<>();
        for (UnitNode node : graph()) {
            List<Diff> diffs = new ArrayList<>();
            if (drifted && node.id().equals("flux-system/ingress")) {
                diffs.add(new Diff(
                        "Deployment/ingress/ingress-nginx-controller",
                        Action.CONFIGURED,
                        true,
                        "--- live\n+++ desired\n-  replicas: 1\n+  replicas: 2\n"));
            }
            if (drifted && node.id().equals("flux-system/databases")) {
                diffs.add(new Diff(
                        "ConfigMap/databases/postgres-tuning",
                        Action.CONFIGURED,
                        true,
                        "--- live\n+++ desired\n-  max_connections: \"500\"\n+  max_connections: \"200\"\n"));
            }
            diffs.add(new Diff("Namespace/" + node.id().replace('/', '-'), Action.UNCHANGED, false, ""));
            units.add(new UnitDrift(node.id(), diffs, null));
        }
        return new DriftReport(OLD_REVISION, units);
    }

    static UnitReport ready(
            String id,
            String revision,
            List<Change> changes,
            List<String> inventory,
            List<ObjectHealth> health,
            long duration) {
        String kind = id.startsWith("flux-system/") || id.equals("apps/guestbook") ? "Kustomization" : "HelmRelease";
        return new UnitReport(
                id,
                kind,
                UnitStatus.READY,
                "ReconciliationSucceeded",
                "Applied revision: " + revision,
                revision,
                changes,
                inventory,
                health,
                duration);
    }

    static UnitReport skipped(String id, String revision, String message) {
        String kind = id.startsWith("flux-system/") || id.equals("apps/guestbook") ? "Kustomization" : "HelmRelease";
        return new UnitReport(
                id,
                kind,
                UnitStatus.SKIPPED,
                "DependencyNotReady",
                message,
                revision,
                List.of(),
                List.of(),
                List.of(),
                0);
    }

    static Change change(String object, Action action) {
        return new Change(object, action);
    }

    static ObjectHealth health(String object, HealthStatus status, String message) {
        return new ObjectHealth(object, status, message);
    }
}
