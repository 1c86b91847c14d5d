/**
 * One runner for Pipeline steps and freestyle build steps. On the controller {@link
 * io.jenkins.plugins.gitops.jenkins.runner.GitOpsRunner} resolves credentials, finds the previous state
 * and stores the result with the build; on the agent {@link
 * io.jenkins.plugins.gitops.jenkins.runner.GitOpsCallable} runs {@code gitops-core} next to the
 * workspace. Only small serializable values cross the channel between the two.
 */
package io.jenkins.plugins.gitops.jenkins.runner;
