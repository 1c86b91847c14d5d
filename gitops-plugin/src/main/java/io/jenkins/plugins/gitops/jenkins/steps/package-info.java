/**
 * The Pipeline steps {@code gitopsApply}, {@code gitopsPlan}, {@code gitopsDiff} and {@code
 * gitopsWaitHealthy}. A step is configuration only: its execution hands over to {@link
 * io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner}, which the freestyle build steps call too.
 * {@code gitopsBootstrap} comes later as another {@link
 * io.jenkins.plugins.gitops.jenkins.steps.GitOpsStep} over a new operation.
 */
package io.jenkins.plugins.gitops.jenkins.steps;
