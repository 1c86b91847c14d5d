/**
 * Where fleets come from: the source port ({@link
 * io.jenkins.plugins.gitops.core.source.SourceFetcher}) and the values it trades in. Only the
 * {@code git} sub-package knows JGit.
 */
package io.jenkins.plugins.gitops.core.source;
