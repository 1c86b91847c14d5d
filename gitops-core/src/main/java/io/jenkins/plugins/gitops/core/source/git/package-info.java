/**
 * The JGit adapter of the source port: a bare mirror per remote in a cache folder, Flux's ref
 * resolution and revision strings, and artifacts materialised from a commit's tree with
 * source-controller's ignore rules. This is the only package that may import JGit, so the rest of
 * the engine stays free to swap it.
 */
package io.jenkins.plugins.gitops.core.source.git;
