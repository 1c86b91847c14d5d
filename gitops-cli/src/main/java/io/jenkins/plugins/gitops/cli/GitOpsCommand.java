package io.jenkins.plugins.gitops.cli;

public final class GitOpsCommand {
    public static void main(String[] args) {}
}
