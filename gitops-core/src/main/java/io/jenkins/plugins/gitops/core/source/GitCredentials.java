package io.jenkins.plugins.gitops.core.source;

import java.io.Serializable;

/**
 * HTTP(S) credentials for a Git remote: a user name and a password or token. {@link #toString()}
 * never shows the secret.
 */
public record GitCredentials(String username, String password) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Credentials from the environment: {@code GITOPS_GIT_USERNAME} and {@code GITOPS_GIT_PASSWORD}
     * (or {@code GITOPS_GIT_TOKEN}); null when neither secret is set.
     */
    public static GitCredentials fromEnvironment(java.util.Map<String, String> env) {
        String password = env.getOrDefault("GITOPS_GIT_PASSWORD", env.get("GITOPS_GIT_TOKEN"));
        if (password == null || password.isEmpty()) {
            return null;
        }
        String user = env.getOrDefault("GITOPS_GIT_USERNAME", "git");
        return new GitCredentials(user, password);
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", password=****]";
    }
}
