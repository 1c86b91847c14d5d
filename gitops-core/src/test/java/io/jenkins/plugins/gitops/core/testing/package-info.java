/**
 * Test helpers shared by compatibility suites: {@code CorpusHash} reproduces the reference hashes of
 * the public fleet corpus ({@code ../shared/corpus/FACTS.json}) so a render can be compared with
 * kustomize's without storing third-party manifests in the project.
 */
package io.jenkins.plugins.gitops.core.testing;
