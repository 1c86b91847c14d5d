/**
 * Applying and pruning: staged server-side apply with dry-run comparison, owner labels, Flux's
 * annotations, and change sets of {@code Kind/namespace/name action} entries.
 */
package io.jenkins.plugins.gitops.core.apply;
