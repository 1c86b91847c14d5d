/**
 * Kubernetes YAML in and out, with YAML 1.2 core-schema typing and errors that name the file and
 * line. The only package that knows the YAML library.
 */
package io.jenkins.plugins.gitops.core.yaml;
