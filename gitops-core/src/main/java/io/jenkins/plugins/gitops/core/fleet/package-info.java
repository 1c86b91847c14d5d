/**
 * Reading a fleet as Flux does: the synthesized root Kustomization for the entry path, recursive
 * discovery of Flux objects through rendered output, sources by reference, and every unit's
 * rendered objects. Problems are recorded, never thrown, so the rest of the fleet is still read.
 */
package io.jenkins.plugins.gitops.core.fleet;
