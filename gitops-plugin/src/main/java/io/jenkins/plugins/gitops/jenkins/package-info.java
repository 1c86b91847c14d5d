/**
 * The Jenkins layer: Pipeline steps and freestyle build steps that collect parameters, run the
 * engine on the agent that holds the workspace, store the report with the build and draw it. No
 * Git, manifest or cluster work happens here; that is {@code gitops-core}'s, on the agent.
 */
package io.jenkins.plugins.gitops.jenkins;
