package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.cluster.ApiResource;
import io.jenkins.plugins.gitops.core.cluster.ApplyOptions;
import io.jenkins.plugins.gitops.core.cluster.ClusterClient;
import io.jenkins.plugins.gitops.core.cluster.ClusterException;
import io.jenkins.plugins.gitops.core.cluster.ResourceRef;
import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster whose objects change from one {@code get} to the next: each object plays a script of
 * states (fixture names, {@link #ABSENT}, or an exception), the last state repeating. Only {@code
 * get} is supported.
 */
final class FakeClusterClient implements ClusterClient {

    /** A state in which the object does not exist. */
    static final String ABSENT = "<absent>";

    private final Map<ResourceRef, List<Object>> scripts = new HashMap<>();
    private final Map<ResourceRef, Integer> reads = new HashMap<>();

    /** Each get of {@code ref} returns the next state; fixture names, {@link #ABSENT} or exceptions. */
    FakeClusterClient script(ResourceRef ref, Object... states) {
        scripts.put(ref, List.of(states));
        return this;
    }

    int reads(ResourceRef ref) {
        return reads.getOrDefault(ref, 0);
    }

    @Override
    public synchronized Optional<Manifest> get(ResourceRef ref) {
        List<Object> script = scripts.getOrDefault(ref, List.of(ABSENT));
        int read = reads.merge(ref, 1, Integer::sum) - 1;
        Object state = script.get(Math.min(read, script.size() - 1));
        if (state instanceof RuntimeException e) {
            throw e;
        }
        return ABSENT.equals(state) ? Optional.empty() : Optional.of(Fixtures.load((String) state));
    }

    @Override
    public Manifest apply(Manifest desired, ApplyOptions options) {
        throw new UnsupportedOperationException("apply");
    }

    @Override
    public boolean delete(ResourceRef ref) {
        throw new UnsupportedOperationException("delete");
    }

    @Override
    public List<Manifest> list(String apiVersion, String kind, String namespace, Map<String, String> labels) {
        return new ArrayList<>();
    }

    @Override
    public Optional<ApiResource> resource(String apiVersion, String kind) {
        return Optional.empty();
    }

    @Override
    public void refreshDiscovery() {}

    static ClusterException error(ClusterException.Reason reason, String message) {
        return new ClusterException(reason, 0, message, null);
    }
}
