/**
 * The plugin's global configuration (Manage Jenkins › System, and JCasC under {@code unclassified: gitops:}):
 * the defaults every step and build step falls back to.
 */
package io.jenkins.plugins.gitops.jenkins.config;
