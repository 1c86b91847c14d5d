package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.model.Run;
import java.io.IOException;

/**
 * Turns credential ids into the values the agent needs, on the controller, for one build. A port so
 * the runner can be tested without the credentials plugin.
 */
public interface CredentialsResolver {

    /** The content of the kubeconfig file credential {@code id}. */
    String kubeconfig(Run<?, ?> run, String id) throws IOException;

    /** User name and password (or token) for Git over HTTPS from credential {@code id}. */
    GitLogin git(Run<?, ?> run, String id) throws IOException;

    /**
     * A Git login; {@link #toString()} hides the password, and the user name when it is secret.
     *
     * @param usernameSecret mask the user name in the console as well
     */
    record GitLogin(String username, String password, boolean usernameSecret) {

        public GitLogin(String username, String password) {
            this(username, password, false);
        }

        @Override
        public String toString() {
            return "GitLogin[" + (usernameSecret ? "****" : username) + ":****]";
        }
    }
}
