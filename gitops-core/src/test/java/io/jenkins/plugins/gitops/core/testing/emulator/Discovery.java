package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legacy discovery documents ({@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/g},
 * {@code /apis/g/v}) for a list of served types. Aggregated discovery is not offered: clients that
 * ask for it fall back to these, as they do with older servers.
 */
final class Discovery {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private final List<ResourceType> served;

    Discovery(List<ResourceType> served) {
        this.served = served;
    }

    /** The document for a discovery path, or empty if the path is not one (or names an unknown group). */
    Optional<ObjectNode> document(String path) {
        List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        if (parts.equals(List.of("api"))) {
            return Optional.of(apiVersions());
        }
        if (parts.size() == 2 && parts.get(0).equals("api")) {
            return resources("", parts.get(1));
        }
        if (parts.equals(List.of("apis"))) {
            return Optional.of(groupList());
        }
        if (parts.size() == 2 && parts.get(0).equals("apis")) {
            return Optional.ofNullable(groups().get(parts.get(1))).map(versions -> group(parts.get(1), versions));
        }
        if (parts.size() == 3 && parts.get(0).equals("apis")) {
            return resources(parts.get(1), parts.get(2));
        }
        return Optional.empty();
    }

    static boolean isDiscoveryPath(String path) {
        return path.matches("/api/?|/api/[^/]+/?|/apis/?|/apis/[^/]+/?|/apis/[^/]+/[^/]+/?");
    }

    private ObjectNode apiVersions() {
        ObjectNode doc = JsonTrees.JSON.createObjectNode();
        doc.put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        ObjectNode address = doc.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", "127.0.0.1:443");
        return doc;
    }

    private Map<String, Set<String>> groups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : served) {
            if (!type.group().isEmpty()) {
                groups.computeIfAbsent(type.group(), g -> new LinkedHashSet<>()).add(type.version());
            }
        }
        return groups;
    }

    private ObjectNode groupList() {
        ObjectNode doc = JsonTrees.JSON.createObjectNode();
        doc.put("kind", "APIGroupList");
        doc.put("apiVersion", "v1");
        ArrayNode list = doc.putArray("groups");
        groups().forEach((name, versions) -> list.add(groupBody(name, versions)));
        return doc;
    }

    private ObjectNode group(String name, Set<String> versions) {
        ObjectNode doc = groupBody(name, versions);
        doc.put("kind", "APIGroup");
        doc.put("apiVersion", "v1");
        return doc;
    }

    private static ObjectNode groupBody(String name, Set<String> versions) {
        ObjectNode group = JsonTrees.JSON.createObjectNode();
        group.put("name", name);
        ArrayNode list = group.putArray("versions");
        for (String version : versions) {
            ObjectNode entry = list.addObject();
            entry.put("groupVersion", name + "/" + version);
            entry.put("version", version);
        }
        ObjectNode preferred = group.putObject("preferredVersion");
        String first = versions.iterator().next();
        preferred.put("groupVersion", name + "/" + first);
        preferred.put("version", first);
        return group;
    }

    private Optional<ObjectNode> resources(String group, String version) {
        List<ResourceType> types = served.stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version))
                .toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = JsonTrees.JSON.createObjectNode();
        doc.put("kind", "APIResourceList");
        doc.put("apiVersion", "v1");
        doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode list = doc.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode resource = list.addObject();
            resource.put("name", type.plural());
            resource.put("singularName", type.singular());
            resource.put("namespaced", type.namespaced());
            resource.put("kind", type.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (type.statusSubresource()) {
                ObjectNode status = list.addObject();
                status.put("name", type.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", type.namespaced());
                status.put("kind", type.kind());
                List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
            }
        }
        return Optional.of(doc);
    }
}
