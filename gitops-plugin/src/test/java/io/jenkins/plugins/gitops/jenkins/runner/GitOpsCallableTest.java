package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.UnitState;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsCallableTest {

    static final String TOKEN = "s3cr3t-t0ken-from-a-Secret";

    @TempDir
    Path tmp;

    static AgentRequest request(Operation op, String repo, AgentRequest.Access access) {
        FleetState previous = new FleetState(Map.of(
                "flux-system/apps",
                new UnitState(
                        List.of(new InventoryEntry("apps_web_apps_Deployment", "v1")), "main@sha1:1", "main@sha1:1")));
        return new AgentRequest(
                op,
                repo,
                "main",
                "clusters/prod",
                "prod",
                new AgentRequest.RunOptions(false, null, 2, 30, "gitops-jenkins", List.of(), List.of(), false, "", ""),
                access,
                previous);
    }

    /** Serializes like remoting would, recording every object written; the listener stands for an exported stream. */
    static List<Object> written(Object root, Object exported) throws IOException {
        List<Object> seen = new ArrayList<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                if (obj == exported) {
                    return "<exported listener>";
                }
                seen.add(obj);
                return obj;
            }
        }) {
            out.writeObject(root);
        }
        return seen;
    }

    @Test
    void shouldSerializeWithOnlySmallValuesAndNoControllerObjects() throws IOException {
        FakeListener listener = new FakeListener();
        GitOpsCallable callable = new GitOpsCallable(
                request(
                        Operation.APPLY,
                        "",
                        new AgentRequest.Access(
                                "apiVersion: v1\nusers:\n- user:\n    token: " + TOKEN + "\n",
                                null,
                                "prod",
                                null,
                                null,
                                Map.of("KUBECONFIG", "/tmp/k"),
                                List.of())),
                listener);

        List<Object> objects = written(callable, listener);

        assertThat(objects).allSatisfy(o -> assertThat(o.getClass().getName())
                .as("a serialized object's class")
                .matches("(java\\.|io\\.jenkins\\.plugins\\.gitops\\.(core|jenkins\\.runner)\\.).*"));
        assertThat(objects)
                .noneMatch(o -> o instanceof hudson.model.Run
                        || o instanceof hudson.FilePath
                        || o instanceof org.jenkinsci.plugins.workflow.steps.StepContext
                        || o instanceof hudson.model.Item);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(callable.request());
        }
        assertThat(bytes.size()).as("request size").isLessThan(8_000);
    }

    @Test
    void shouldNeverShowSecretsInToString() {
        AgentRequest.Access access = new AgentRequest.Access(
                "token: " + TOKEN, null, "", "git", TOKEN, Map.of("GITOPS_GIT_TOKEN", TOKEN), List.of());
        GitOpsCallable callable = new GitOpsCallable(request(Operation.APPLY, "", access), new FakeListener());

        assertThat(callable.toString()).doesNotContain(TOKEN);
        assertThat(access.toString()).doesNotContain(TOKEN);
        assertThat(callable.request().toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldMaskSecretsInTheConsoleAndInErrors() throws Exception {
        FakeListener listener = new FakeListener();
        String url = "http://git:" + TOKEN + "@127.0.0.1:9/fleet.git";
        AgentRequest.Access access = new AgentRequest.Access(null, null, "", "git", TOKEN, Map.of(), List.of());
        GitOpsCallable callable = new GitOpsCallable(request(Operation.PLAN, url, access), listener);
        File ws =
                Files.createDirectories(tmp.resolve("workspace").resolve("job")).toFile();

        AgentResult result = callable.invoke(ws, null);

        assertThat(listener.text()).contains("[gitops] plan").contains("ERROR").doesNotContain(TOKEN);
        assertThat(String.valueOf(result.plan())).contains("errors").doesNotContain(TOKEN);
    }

    @Test
    void shouldMaskKubeconfigSecretsRegisteredFromTheCredential() {
        AgentRequest.Access access = new AgentRequest.Access(
                "users:\n- name: u\n  user:\n    token: " + TOKEN + "\n    client-key-data: \"QUJDREVGR0hJSktM\"\n",
                null,
                "",
                null,
                null,
                Map.of(),
                List.of());
        var redactor = GitOpsCallable.redactor(access);
        assertThat(redactor.redact("Unauthorized with " + TOKEN + " and QUJDREVGR0hJSktM"))
                .doesNotContain(TOKEN)
                .doesNotContain("QUJDREVGR0hJSktM");
    }

    @Test
    void shouldPutScratchFilesBesideTheWorkspaceAndCachesUnderTheAgentRoot() {
        Path ws = Path.of("/agent/workspace/job");
        AgentRequest.RunOptions options =
                new AgentRequest.RunOptions(false, null, 1, 1, "", List.of(), List.of(), false, "", "");
        assertThat(GitOpsCallable.tempDir(ws)).isEqualTo(Path.of("/agent/workspace/job@tmp"));
        assertThat(GitOpsCallable.cacheDir(ws, options)).isEqualTo(Path.of("/agent/caches/gitops"));
    }
}
