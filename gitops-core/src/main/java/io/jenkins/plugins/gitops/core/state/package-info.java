/** State between runs (inventories, revisions) behind the {@link io.jenkins.plugins.gitops.core.state.StateStore} port. */
package io.jenkins.plugins.gitops.core.state;
