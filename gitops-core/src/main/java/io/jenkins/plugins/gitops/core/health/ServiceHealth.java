package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * kstatus waits only for a LoadBalancer Service to get its cluster IP, not for the load balancer:
 * clusters without one (kind, bare metal) would otherwise never see the Service Current. The
 * message says whether ingress has been assigned, so a person can tell.
 */
final class ServiceHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        if (!"LoadBalancer".equals(Fields.string(live, "ClusterIP", "spec", "type"))) {
            return Health.current("service ready");
        }
        if (Fields.string(live, "", "spec", "clusterIP").isEmpty()) {
            return Health.inProgress("waiting for a cluster IP (type LoadBalancer)");
        }
        List<Object> ingress = Trees.list(live.body(), "status", "loadBalancer", "ingress");
        if (ingress.isEmpty()) {
            return Health.current("cluster IP assigned; load balancer ingress still pending");
        }
        return Health.current("load balancer ready at " + address(ingress.get(0)));
    }

    private static String address(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            Object ip = map.get("ip");
            return String.valueOf(ip != null ? ip : map.get("hostname"));
        }
        return String.valueOf(entry);
    }
}
