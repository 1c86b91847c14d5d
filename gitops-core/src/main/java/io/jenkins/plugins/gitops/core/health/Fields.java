package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.Trees;
import java.util.Optional;

/** Typed reads of live-object fields, with the defaults kstatus uses when a field is absent. */
final class Fields {

    private Fields() {}

    /** An integer field; absent or non-numeric values give empty. */
    static Optional<Long> integer(Manifest live, String... path) {
        return live.get(path).filter(Number.class::isInstance).map(v -> ((Number) v).longValue());
    }

    static long integer(Manifest live, long fallback, String... path) {
        return integer(live, path).orElse(fallback);
    }

    static String string(Manifest live, String fallback, String... path) {
        return Trees.string(live.body(), path).orElse(fallback);
    }

    /** {@code 1 replica}, {@code 3 replicas}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
