package io.jenkins.plugins.gitops.jenkins.runner;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Credentials from the credentials plugin, looked up as the build ({@code findCredentialById}
 * checks the build's authentication and records the use with {@code track}).
 *
 * <p>Git credentials are a <em>secret text</em> credential (a token), sent with the user name
 * {@code git}: {@code StandardUsernamePasswordCredentials} is not in the Jenkins API manifest the
 * plugin is built against yet. Username/password credentials work through {@code withCredentials}
 * and the {@code GITOPS_GIT_USERNAME}/{@code GITOPS_GIT_PASSWORD} environment variables.
 */
public final class JenkinsCredentials implements CredentialsResolver {

    @Override
    public String kubeconfig(Run<?, ?> run, String id) throws IOException {
        FileCredentials file = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (file == null) {
            throw new AbortException("no secret file credential with id '" + id
                    + "' is visible to this build - add a 'Secret file' credential holding the kubeconfig");
        }
        CredentialsProvider.track(run, file);
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public GitLogin git(Run<?, ?> run, String id) throws IOException {
        StringCredentials token = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (token == null) {
            throw new AbortException("no secret text credential with id '" + id
                    + "' is visible to this build - Git credentials are a token in a 'Secret text' credential;"
                    + " for a user name and password use withCredentials and GITOPS_GIT_USERNAME/GITOPS_GIT_PASSWORD");
        }
        CredentialsProvider.track(run, token);
        return new GitLogin("git", token.getSecret().getPlainText());
    }
}
