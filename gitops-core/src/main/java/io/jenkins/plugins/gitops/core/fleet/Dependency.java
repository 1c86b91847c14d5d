package io.jenkins.plugins.gitops.core.fleet;

/**
 * One {@code spec.dependsOn} entry, with the namespace already defaulted to the dependent's own.
 *
 * @param kind the kind the entry names explicitly ({@code kind: HelmRelease}, an extension of this
 *     project for dependencies across kinds), or null to mean "same kind first, then any"
 */
public record Dependency(UnitId target, String kind) {}
