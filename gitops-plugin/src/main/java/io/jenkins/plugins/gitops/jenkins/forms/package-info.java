/**
 * Form support shared by the step and build step descriptors: credential list boxes and field
 * validation, each behind a permission check and reachable only by POST.
 */
package io.jenkins.plugins.gitops.jenkins.forms;
