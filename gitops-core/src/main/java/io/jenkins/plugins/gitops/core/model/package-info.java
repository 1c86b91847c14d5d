/**
 * Values that travel through the whole engine: Kubernetes objects as plain trees ({@link
 * io.jenkins.plugins.gitops.core.model.Manifest}) and their identities ({@link
 * io.jenkins.plugins.gitops.core.model.ResourceId}). No outside library is needed to read them.
 */
package io.jenkins.plugins.gitops.core.model;
