/**
 * The {@code gitops} command line: picocli commands over the engine, for terminals and for trying
 * the project out without Jenkins.
 */
package io.jenkins.plugins.gitops.cli;
