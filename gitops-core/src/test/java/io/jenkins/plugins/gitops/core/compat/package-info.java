/**
 * Compatibility suites against public Flux fleets: each corpus entry is committed to a Git
 * repository built at test time and planned through the real engine, and what it plans is compared
 * with reference facts computed by kustomize and a reading of Flux's sources. The corpus stays
 * outside the project; without it (or without kustomize) the suites skip.
 */
package io.jenkins.plugins.gitops.core.compat;
