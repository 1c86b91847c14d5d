/**
 * Dependency-ordered runs: the reconcile pipeline of small steps per unit, waves in parallel, and
 * the serializable report.
 */
package io.jenkins.plugins.gitops.core.reconcile;
