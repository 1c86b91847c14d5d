/**
 * Test helpers shared by compatibility suites: {@code Corpus} finds the public fleet corpus, and
 * {@code CorpusHash} reproduces its reference hashes ({@code ../shared/corpus/FACTS.json}) so a
 * render can be compared with kustomize's without storing third-party manifests in the project.
 */
package io.jenkins.plugins.gitops.core.testing;
