/**
 * The cluster port: server-side apply, get, delete, list and discovery, with errors the engine can
 * act on. Only the {@code fabric8} sub-package knows the Kubernetes client library.
 */
package io.jenkins.plugins.gitops.core.cluster;
