package io.jenkins.plugins.gitops.core.testing.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path split into its parts: {@code /api/v1/namespaces/a/configmaps/x} or {@code
 * /apis/apps/v1/namespaces/a/deployments/x/status}. The group is empty for the core group; the
 * namespace, name and subresource are {@code null} when the path has none.
 */
record ResourcePath(String group, String version, String namespace, String plural, String name, String subresource) {

    static Optional<ResourcePath> parse(String path) {
        List<String> parts =
                Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        String group;
        int rest;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            rest = 1;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = 2;
        } else {
            return Optional.empty();
        }
        String version = parts.get(rest);
        List<String> tail = parts.subList(rest + 1, parts.size());
        String namespace = null;
        if (tail.size() >= 3 && tail.get(0).equals("namespaces") && !isNamespaceSubresource(tail)) {
            namespace = tail.get(1);
            tail = tail.subList(2, tail.size());
        }
        if (tail.isEmpty() || tail.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(
                group,
                version,
                namespace,
                tail.get(0),
                tail.size() > 1 ? tail.get(1) : null,
                tail.size() > 2 ? tail.get(2) : null));
    }

    private static boolean isNamespaceSubresource(List<String> tail) {
        return tail.size() == 3 && (tail.get(2).equals("status") || tail.get(2).equals("finalize"));
    }

    static String prefix(String group, String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    static String collection(String group, String version, String namespace, String plural) {
        return prefix(group, version) + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }

    boolean isStatus() {
        return "status".equals(subresource);
    }
}
