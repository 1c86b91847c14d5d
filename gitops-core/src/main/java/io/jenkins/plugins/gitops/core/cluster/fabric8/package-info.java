/**
 * The fabric8 adapter of the cluster port: server-side apply, get, delete, list and discovery
 * through generic resources, fabric8 errors translated into {@link
 * io.jenkins.plugins.gitops.core.cluster.ClusterException}, and the project's own retry policy in
 * place of fabric8's (which ignores {@code Retry-After}). The only package that imports {@code
 * io.fabric8}.
 */
package io.jenkins.plugins.gitops.core.cluster.fabric8;
