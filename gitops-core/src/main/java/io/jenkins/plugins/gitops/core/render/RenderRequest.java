package io.jenkins.plugins.gitops.core.render;

import java.nio.file.Path;

/**
 * One Kustomization to build.
 *
 * @param artifactRoot the source's files (read-only; see {@link
 *     io.jenkins.plugins.gitops.core.source.SourceArtifact})
 * @param path the Kustomization's {@code spec.path}, relative to the artifact root ({@code ./apps},
 *     {@code apps}, empty or {@code ./} for the root)
 * @param overlays Flux's spec overlays, or {@link KustomizeOverlays#NONE} for a raw render
 * @param unit who asks, for messages ({@code Kustomization/flux-system/apps})
 */
public record RenderRequest(Path artifactRoot, String path, KustomizeOverlays overlays, String unit) {}
