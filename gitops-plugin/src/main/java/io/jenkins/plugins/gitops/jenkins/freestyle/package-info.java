/**
 * Freestyle build steps, one per operation (apply, diff, wait), calling the same runner as the
 * Pipeline steps.
 */
package io.jenkins.plugins.gitops.jenkins.freestyle;
