/**
 * Ordering a fleet: the dependency graph over units ({@code dependsOn} across kinds, plus the
 * implicit edge from a child to the unit that renders it), waves of units that may run in
 * parallel, cycles with their path, and dependencies that name no unit.
 */
package io.jenkins.plugins.gitops.core.plan;
