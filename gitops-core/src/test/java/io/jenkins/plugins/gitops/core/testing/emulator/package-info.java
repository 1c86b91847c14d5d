/**
 * A test-owned Kubernetes API emulator on fabric8's mock server: server-side apply with managed
 * fields and conflicts, dry runs, discovery, CRDs that must be Established, status subresources,
 * namespaces, set-based selectors, fault injection, a request log and stand-in controllers. {@link
 * io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator} is the entry point; its Javadoc and
 * {@code docs/api-emulator.md} list where it differs from a real server.
 */
package io.jenkins.plugins.gitops.core.testing.emulator;
