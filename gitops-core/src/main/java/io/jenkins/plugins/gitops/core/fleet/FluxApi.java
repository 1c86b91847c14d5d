package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.util.Map;
import java.util.Set;

/**
 * Which objects are Flux's and which of their API versions the engine reads. Flux objects are
 * instructions to the engine; everything else is a manifest to apply.
 */
final class FluxApi {

    static final String KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
    static final String HELM_GROUP = "helm.toolkit.fluxcd.io";
    static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";
    static final String SOURCE_EXTENSIONS_GROUP = "source.extensions.fluxcd.io";

    /** Versions still found in fleets, per group; older ones are refused with a hint. */
    private static final Map<String, Set<String>> VERSIONS = Map.of(
            KUSTOMIZE_GROUP, Set.of("v1", "v1beta2", "v1beta1"),
            HELM_GROUP, Set.of("v2", "v2beta2", "v2beta1"),
            SOURCE_GROUP, Set.of("v1", "v1beta2", "v1beta1"),
            SOURCE_EXTENSIONS_GROUP, Set.of("v1beta1"));

    private FluxApi() {}

    static boolean isFluxObject(Manifest m) {
        return m.group().endsWith(".toolkit.fluxcd.io") || m.group().equals(SOURCE_EXTENSIONS_GROUP);
    }

    static boolean isKustomization(Manifest m) {
        return KUSTOMIZE_GROUP.equals(m.group()) && "Kustomization".equals(m.kind());
    }

    static boolean isHelmRelease(Manifest m) {
        return HELM_GROUP.equals(m.group()) && "HelmRelease".equals(m.kind());
    }

    static boolean isGitRepository(Manifest m) {
        return SOURCE_GROUP.equals(m.group()) && "GitRepository".equals(m.kind());
    }

    static boolean isArtifactGenerator(Manifest m) {
        return SOURCE_EXTENSIONS_GROUP.equals(m.group()) && "ArtifactGenerator".equals(m.kind());
    }

    /** Null when the version is read; otherwise what is wrong, with the versions that are. */
    static String unsupportedVersion(Manifest m) {
        Set<String> versions = VERSIONS.get(m.group());
        if (versions == null) {
            return null;
        }
        String version = m.apiVersion().substring(m.apiVersion().indexOf('/') + 1);
        if (versions.contains(version)) {
            return null;
        }
        return m.kind() + " " + m.namespace() + "/" + m.name() + " uses " + m.apiVersion()
                + ", which this tool does not read; use " + m.group() + "/"
                + String.join(" or ", versions.stream().sorted().toList());
    }
}
