/**
 * Turning a Kustomization's path into Kubernetes objects as Flux does: the generated kustomization
 * for folders without one, Flux's spec overlays, and kustomize itself (an external binary for
 * now).
 */
package io.jenkins.plugins.gitops.core.render;
