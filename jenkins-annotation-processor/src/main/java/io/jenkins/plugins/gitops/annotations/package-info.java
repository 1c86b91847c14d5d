/**
 * A compile-time annotation processor that writes the {@code META-INF/annotations/<annotation>} index files
 * Jenkins reads (through annotation-indexer) to find classes carrying an {@code @Indexed} annotation such as
 * {@code @org.jenkinsci.Symbol}. It exists because annotation-indexer, whose own processor does this, cannot be
 * resolved from Maven Central; with the real Jenkins artifacts the real processor takes over.
 */
package io.jenkins.plugins.gitops.annotations;
