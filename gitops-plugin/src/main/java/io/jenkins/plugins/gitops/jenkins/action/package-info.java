/**
 * What a build keeps of a GitOps run: one {@link io.jenkins.plugins.gitops.jenkins.action.GitOpsRunAction}
 * per fleet with a summary in {@code build.xml} and the full report and state as JSON files in the
 * build's folder, and the lookup of the previous build's state for pruning.
 */
package io.jenkins.plugins.gitops.jenkins.action;
