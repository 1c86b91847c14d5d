/**
 * The reconciliation engine. It reads a Git repository laid out for Flux v2, orders its units by
 * {@code dependsOn} and renders them; it knows nothing of Jenkins, so the plugin and the command
 * line run the very same code.
 */
package io.jenkins.plugins.gitops.core;
