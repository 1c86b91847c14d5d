package io.jenkins.plugins.gitops.core.testing.emulator;

import java.util.List;

/** A kind the emulator serves: from the built-in table or from an Established CRD. */
record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        boolean namespaced,
        boolean statusSubresource,
        List<String> shortNames) {

    ResourceType {
        shortNames = List.copyOf(shortNames);
    }

    static ResourceType builtIn(
            String group, String version, String kind, String plural, boolean namespaced, boolean status) {
        return new ResourceType(
                group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT), namespaced, status, List.of());
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    boolean is(String group, String kind) {
        return this.group.equals(group) && this.kind.equals(kind);
    }
}
