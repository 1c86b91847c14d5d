package io.jenkins.plugins.gitops.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, when there is one. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GitOpsCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gitops " + (version == null ? "(development build)" : version)};
    }
}
