/**
 * Turning a Kustomization's path into Kubernetes objects as Flux does: the generated kustomization
 * for folders without one, Flux's spec overlays, and kustomize itself (an external binary for
 * now). {@link io.jenkins.plugins.gitops.core.render.KustomizeRenderer} works on a private,
 * hard-linked copy of the artifact because Flux edits kustomization files in place; files there
 * are replaced, never written through, so the source stays untouched.
 */
package io.jenkins.plugins.gitops.core.render;
