/**
 * View models for the GitOps pages: plain Java values prepared from a {@code ReconcileReport} (and
 * the plan's graph) or a {@code DriftReport} that the Jelly views only iterate and print. All
 * decisions — ordering, counts, wording, status classes, the dependency graph as SVG, the diff
 * lines' classes — are made here, where tests reach them without a running Jenkins. Strings are
 * kept raw for Jelly's escape-by-default; the only markup built here is the SVG, and {@link
 * io.jenkins.plugins.gitops.jenkins.ui.DependencyGraphSvg} escapes every text it writes.
 */
package io.jenkins.plugins.gitops.jenkins.ui;
