package io.jenkins.plugins.gitops.core.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceException;
import java.nio.file.Path;
import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceErrorsTest {

    private static final GitSourceSpec SPEC = new GitSourceSpec(
            "apps/podinfo",
            "https://robot:url-secret@git.example.com/podinfo.git",
            GitRef.ofTag("v1"),
            null,
            new GitCredentials("bob", "t0ken-secret"));

    @Test
    void shouldStripUserInfoFromUrls() {
        assertThat(SourceErrors.stripUserInfo("fetch https://u:p@host/x.git and http://tok@h2/y failed"))
                .isEqualTo("fetch https://host/x.git and http://h2/y failed");
    }

    @Test
    void shouldReportAuthRefusalWithoutSecrets() {
        SourceErrors errors = new SourceErrors(SPEC);
        TransportException cause = new TransportException(
                "https://robot:url-secret@git.example.com/podinfo.git: not authorized (t0ken-secret)");

        SourceException e = errors.remote(cause);

        assertThat(e.getMessage())
                .startsWith("GitRepository apps/podinfo: authentication refused by https://git.example.com/podinfo.git")
                .contains("check the credentials")
                .doesNotContain("url-secret", "t0ken-secret");
        assertThat(e.getCause()).as("a cause that holds a secret is left off").isNull();
    }

    @Test
    void shouldKeepCauseWhenItHoldsNoSecret() {
        SourceException e = new SourceErrors(SPEC).remote(new TransportException("connection refused"));

        assertThat(e.getMessage()).contains("cannot fetch from https://git.example.com/podinfo.git");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void shouldKeepSecretsOutOfMessagesOfRealFailures(@TempDir Path tmp) {
        JGitSourceFetcher fetcher = new JGitSourceFetcher(tmp.resolve("cache"), tmp.resolve("work"));
        GitSourceSpec unreachable = new GitSourceSpec(
                "apps/podinfo",
                "http://robot:url-secret@127.0.0.1:1/podinfo.git",
                null,
                null,
                new GitCredentials("bob", "t0ken-secret"));

        SourceException e = catchThrowableOfType(SourceException.class, () -> fetcher.fetch(unreachable));

        assertThat(e.getMessage())
                .contains("http://127.0.0.1:1/podinfo.git")
                .doesNotContain("url-secret", "t0ken-secret");
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("url-secret", "t0ken-secret");
        }
    }

    @Test
    void shouldNeverShowPasswordInCredentialsToString() {
        assertThat(SPEC.credentials().toString()).doesNotContain("t0ken-secret");
    }
}
