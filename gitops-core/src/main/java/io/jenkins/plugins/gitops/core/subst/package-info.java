/**
 * Flux's {@code postBuild} variable substitution: {@code ${var}}, {@code ${var:=default}}, {@code
 * $${var}} escapes, strict and non-strict modes, and the {@code substitute: disabled} opt-out.
 */
package io.jenkins.plugins.gitops.core.subst;
