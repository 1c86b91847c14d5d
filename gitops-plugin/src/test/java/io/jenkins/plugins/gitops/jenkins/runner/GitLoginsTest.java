package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Descriptor;
import hudson.util.Secret;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * Git logins from credentials. The doubles have the shapes of the credentials plugin's types:
 * {@code UsernamePasswordCredentialsImpl} (public {@code getUsername()}/{@code getPassword()}), an
 * SSH key (a user name, no password), a certificate (a password, no user name) and a secret text.
 */
class GitLoginsTest {

    private static final Secret PASSWORD = secret();
    private static final Secret TOKEN = secret();

    @Test
    void shouldReadTheUserNameAndPasswordOfAUsernamePasswordCredential() {
        UsernamePassword credential = new UsernamePassword("ci-bot", PASSWORD);

        assertThat(GitLogins.supports(credential)).isTrue();
        GitLogins.Login login = GitLogins.read(credential);
        assertThat(login.username()).isEqualTo("ci-bot");
        assertThat(login.password()).isSameAs(PASSWORD);
        assertThat(login).hasToString("Login[ci-bot:****]");
        assertThat(login.usernameSecret()).isFalse();
    }

    @Test
    void shouldMaskTheUserNameWhenTheCredentialTreatsItAsSecret() {
        assertThat(GitLogins.read(new UsernamePassword("ci-bot", PASSWORD)).usernameSecret())
                .isFalse();
        assertThat(GitLogins.read(new SecretUsernamePassword()).usernameSecret())
                .isTrue();
    }

    @Test
    void shouldSendATokenWithTheUserNameGit() {
        GitLogins.Login login = GitLogins.read(new Token(TOKEN));

        assertThat(login.username()).isEqualTo("git");
        assertThat(login.password()).isSameAs(TOKEN);
    }

    @Test
    void shouldFindTheMethodsOnAPublicInterfaceWhenTheClassIsNotPublic() {
        Credentials hidden = new HiddenUsernamePassword();

        assertThat(GitLogins.supports(hidden)).isTrue();
        assertThat(GitLogins.read(hidden).username()).isEqualTo("from-interface");
    }

    @Test
    void shouldRefuseCredentialsThatAreNotAUserNameWithAPassword() {
        assertThat(GitLogins.supports(new SshKey())).as("ssh key").isFalse();
        assertThat(GitLogins.supports(new Certificate())).as("certificate").isFalse();
        assertThat(GitLogins.supports(new PlainTextPassword()))
                .as("password not a Secret")
                .isFalse();
        assertThat(GitLogins.supports(new NonPublicMethods()))
                .as("methods of a non-public class")
                .isFalse();

        assertThatThrownBy(() -> GitLogins.read(new SshKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SshKey");
    }

    @Test
    void shouldMatchOnlyGitLoginsInCredentialListBoxes() {
        assertThat(GitLogins.matcher().matches(new UsernamePassword("u", PASSWORD)))
                .isTrue();
        assertThat(GitLogins.matcher().matches(new Token(TOKEN))).isTrue();
        assertThat(GitLogins.matcher().matches(new SshKey())).isFalse();
    }

    @Test
    void shouldNameTheIdAndWhatToDoWhenNoCredentialIsFound() {
        List<StandardCredentials> tracked = new ArrayList<>();

        assertThatThrownBy(() -> JenkinsCredentials.gitLogin("git-prod", null, tracked::add))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("'git-prod'")
                .hasMessageContaining("'Username with password' or 'Secret text'");
        assertThat(tracked).isEmpty();
    }

    @Test
    void shouldRefuseAnSshKeyByNameAndNotRecordItsUse() {
        List<StandardCredentials> tracked = new ArrayList<>();

        assertThatThrownBy(() -> JenkinsCredentials.gitLogin("deploy-key", new SshKey(), tracked::add))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("'deploy-key' (SshKey) cannot log in to Git over HTTPS");
        assertThat(tracked).isEmpty();
    }

    /** A stub {@link Secret}: its methods throw outside Jenkins, but its identity is what is checked. */
    private static Secret secret() {
        try {
            Constructor<Secret> constructor = Secret.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** What every double implements. */
    public abstract static class Base implements StandardCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public String getId() {
            return getClass().getSimpleName();
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return CredentialsScope.GLOBAL;
        }

        @Override
        public Descriptor<Credentials> getDescriptor() {
            throw new UnsupportedOperationException();
        }
    }

    public static final class UsernamePassword extends Base {
        private static final long serialVersionUID = 1L;
        private final String username;
        private final transient Secret password;

        UsernamePassword(String username, Secret password) {
            this.username = username;
            this.password = password;
        }

        public String getUsername() {
            return username;
        }

        public Secret getPassword() {
            return password;
        }
    }

    public static final class SecretUsernamePassword extends Base {
        private static final long serialVersionUID = 1L;

        public String getUsername() {
            return "svc-7731";
        }

        public Secret getPassword() {
            return PASSWORD;
        }

        public boolean isUsernameSecret() {
            return true;
        }
    }

    /** As the credentials plugin's interface: the methods are declared on a public interface. */
    public interface UsernamePasswordShape extends StandardCredentials {
        String getUsername();

        Secret getPassword();
    }

    private static final class HiddenUsernamePassword extends Base implements UsernamePasswordShape {
        private static final long serialVersionUID = 1L;

        @Override
        public String getUsername() {
            return "from-interface";
        }

        @Override
        public Secret getPassword() {
            return PASSWORD;
        }
    }

    public static final class Token extends Base implements StringCredentials {
        private static final long serialVersionUID = 1L;
        private final transient Secret secret;

        Token(Secret secret) {
            this.secret = secret;
        }

        @Override
        public Secret getSecret() {
            return secret;
        }
    }

    public static final class SshKey extends Base {
        private static final long serialVersionUID = 1L;

        public String getUsername() {
            return "git";
        }

        public String getPrivateKey() {
            return "-----BEGIN OPENSSH PRIVATE KEY-----";
        }
    }

    public static final class Certificate extends Base {
        private static final long serialVersionUID = 1L;

        public Secret getPassword() {
            return PASSWORD;
        }
    }

    public static final class PlainTextPassword extends Base {
        private static final long serialVersionUID = 1L;

        public String getUsername() {
            return "u";
        }

        public String getPassword() {
            return "p";
        }
    }

    private static final class NonPublicMethods extends Base {
        private static final long serialVersionUID = 1L;

        public String getUsername() {
            return "u";
        }

        public Secret getPassword() {
            return PASSWORD;
        }
    }
}
