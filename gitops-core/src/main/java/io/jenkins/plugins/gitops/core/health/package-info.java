/**
 * Health as kstatus computes it: pure rules per kind, CEL expressions from {@code
 * healthCheckExprs}, and waits that end early when everything is Current or something Failed.
 */
package io.jenkins.plugins.gitops.core.health;
