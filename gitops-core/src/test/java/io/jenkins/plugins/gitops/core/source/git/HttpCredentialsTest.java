package io.jenkins.plugins.gitops.core.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smart HTTP with basic auth, served in-process by JGit's GitServlet on Jetty. */
class HttpCredentialsTest {

    private static final String USER = "robot";
    private static final String TOKEN = "s3cr3t-t0ken";

    @TempDir
    Path tmp;

    private TestRepo remote;
    private RevCommit head;
    private Server server;
    private String url;
    private JGitSourceFetcher fetcher;

    @BeforeEach
    void startServer() throws Exception {
        remote = TestRepo.init(tmp.resolve("remote"), "main");
        head = remote.commit("one", Map.of("app.yaml", "a: 1\n"));
        Repository repo = remote.git().getRepository();

        GitServlet git = new GitServlet();
        git.setRepositoryResolver((req, name) -> {
            if (!"podinfo.git".equals(name)) {
                throw new RepositoryNotFoundException(name);
            }
            repo.incrementOpen();
            return repo;
        });
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new BasicAuth()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(git), "/*");
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        url = "http://127.0.0.1:" + connector.getLocalPort() + "/podinfo.git";
        fetcher = new JGitSourceFetcher(tmp.resolve("cache"), tmp.resolve("work"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        remote.close();
    }

    @Test
    void shouldFetchOverHttpWithBasicAuthCredentials() {
        SourceArtifact artifact =
                fetcher.fetch(new GitSourceSpec("apps/podinfo", url, null, null, new GitCredentials(USER, TOKEN)));

        assertThat(artifact.revision()).isEqualTo("main@sha1:" + head.name());
        assertThat(artifact.root().resolve("app.yaml")).hasContent("a: 1");
    }

    @Test
    void shouldReportRefusedCredentialsWithoutTheSecret() {
        GitSourceSpec spec = new GitSourceSpec("apps/podinfo", url, null, null, new GitCredentials(USER, "wrong-pass"));

        SourceException e = catchThrowableOfType(SourceException.class, () -> fetcher.fetch(spec));

        assertThat(e.getMessage())
                .startsWith("GitRepository apps/podinfo: authentication refused by " + url)
                .doesNotContain("wrong-pass");
    }

    @Test
    void shouldReportMissingCredentials() {
        SourceException e = catchThrowableOfType(
                SourceException.class, () -> fetcher.fetch(new GitSourceSpec("apps/podinfo", url, null, null, null)));

        assertThat(e.getMessage()).contains("authentication refused by " + url);
    }

    /** Answers 401 unless the request carries robot's token. */
    private static final class BasicAuth implements Filter {
        private static final String EXPECTED =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            if (EXPECTED.equals(header)) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
