package io.jenkins.plugins.gitops.jenkins.runner;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * Credentials from the credentials plugin, looked up as the build ({@code findCredentialById}
 * checks the build's authentication and records the use with {@code track}).
 *
 * <p>Git credentials are a <em>Username with password</em> credential or a <em>Secret text</em>
 * credential (a token, sent with the user name {@code git}); {@link GitLogins} tells them apart.
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
        StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        return gitLogin(id, credentials, c -> CredentialsProvider.track(run, c));
    }

    /** The login in {@code credentials} (found under {@code id}, null if none), recorded as used. */
    static GitLogin gitLogin(String id, StandardCredentials credentials, Consumer<StandardCredentials> track)
            throws AbortException {
        if (credentials == null) {
            throw new AbortException("no credential with id '" + id
                    + "' is visible to this build - add a 'Username with password' or 'Secret text' credential"
                    + " for the Git server, or give the build access to it");
        }
        if (!GitLogins.supports(credentials)) {
            throw new AbortException(
                    "credential '" + id + "' (" + credentials.getClass().getSimpleName()
                            + ") cannot log in to Git over HTTPS - choose a 'Username with password' or 'Secret text'"
                            + " credential");
        }
        track.accept(credentials);
        GitLogins.Login login = GitLogins.read(credentials);
        return new GitLogin(login.username(), login.password().getPlainText(), login.usernameSecret());
    }
}
