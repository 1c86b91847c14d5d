package io.jenkins.plugins.gitops.core.cluster;

/**
 * What discovery says about a kind the server serves.
 *
 * @param plural the resource name in URLs ({@code deployments})
 * @param namespaced whether objects of the kind live in namespaces
 */
public record ApiResource(String apiVersion, String kind, String plural, boolean namespaced) {}
