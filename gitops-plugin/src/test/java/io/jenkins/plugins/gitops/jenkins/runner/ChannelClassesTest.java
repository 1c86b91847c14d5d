package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.UnitState;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class that crosses the agent channel, recorded while a real request and real results are read
 * back. On the controller, remoting reads the agent's answer through Jenkins' JEP-200 filter ({@code
 * jenkins.security.ClassFilterImpl}), which rejects a class unless its jar has a plugin manifest or
 * {@code Jenkins-ClassFilter-Whitelisted: true} (HpiLayoutTest checks ours), or it is a JDK class on core's
 * {@code whitelisted-classes.txt}. So only our own classes and such JDK classes may cross: never Jackson,
 * fabric8, JGit or Guava, whose jars Jenkins would refuse.
 */
class ChannelClassesTest {

    /**
     * The JDK classes our values may use. Each is listed in {@code core/src/main/resources/jenkins/security/
     * whitelisted-classes.txt} of Jenkins 2.479.3; {@code java.util.CollSer} is the serial form of {@code
     * List.of}, {@code List.copyOf}, {@code Map.copyOf} and {@code Stream.toList()}.
     */
    private static final Set<String> WHITELISTED_BY_JENKINS = Set.of(
            "java.lang.Boolean",
            "java.lang.Double",
            "java.lang.Enum",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Number",
            "java.lang.Object",
            "java.lang.String",
            "java.util.ArrayList",
            "java.util.Arrays$ArrayList",
            "java.util.CollSer",
            "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet",
            "java.util.HashMap",
            "java.util.HashSet",
            "java.util.LinkedHashMap",
            "java.util.LinkedHashSet",
            "java.util.TreeMap",
            "java.util.TreeSet");

    @TempDir
    Path tmp;

    @Test
    void shouldSendARequestAndAPlanMadeOfOurClassesAndWhitelistedJdkClassesOnly() throws Exception {
        Path ws = workspace();
        FleetState previous = new FleetState(Map.of(
                "flux-system/secrets-operator",
                new UnitState(
                        List.of(new InventoryEntry("secrets-system_secrets-operator_apps_Deployment", "v1")),
                        "main@sha1:1",
                        null)));
        AgentRequest request = request(Operation.PLAN, "", previous, false);

        AgentResult planned = new GitOpsCallable(request, new FakeListener()).invoke(ws.toFile(), null);

        assertThat(planned.plan()).containsKeys("units", "waves", "errors");
        assertCrossesTheChannel(request);
        assertCrossesTheChannel(planned);
    }

    @Test
    void shouldSendBackReportsDriftAndStateMadeOfOurClassesAndWhitelistedJdkClassesOnly() throws Exception {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
        Path ws = workspace();
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            String kubeconfig = Files.readString(emulator.writeKubeconfig(tmp.resolve("kube")));

            AgentRequest applyRequest = request(Operation.APPLY, kubeconfig, FleetState.EMPTY, false);
            AgentResult applied = invoke(applyRequest, ws);
            assertThat(applied.report().units()).isNotEmpty();
            assertThat(applied.report().events()).isNotEmpty();
            assertThat(applied.state().units()).isNotEmpty();

            // Git moves on: the next diff finds drift and corrects it
            Path deployment = ws.resolve("infrastructure/secrets/operator/deployment.yaml");
            Files.writeString(deployment, Files.readString(deployment).replace("replicas: 1", "replicas: 2"));
            AgentRequest diffRequest = request(Operation.DIFF, kubeconfig, applied.state(), true);
            AgentResult diffed = invoke(diffRequest, ws);
            assertThat(diffed.drift().drifted()).isTrue();
            assertThat(diffed.report()).isNotNull();

            AgentResult waited = invoke(request(Operation.WAIT, kubeconfig, diffed.state(), false), ws);
            assertThat(waited.health()).isNotNull();

            for (Object crossing : List.of(applyRequest, applied, diffRequest, diffed, waited)) {
                assertCrossesTheChannel(crossing);
            }
        }
    }

    private static AgentResult invoke(AgentRequest request, Path ws) throws IOException, InterruptedException {
        FakeListener console = new FakeListener();
        AgentResult result = new GitOpsCallable(request, console).invoke(ws.toFile(), null);
        assertThat(result).as(console.text()).isNotNull();
        return result;
    }

    private static AgentRequest request(Operation op, String kubeconfig, FleetState previous, boolean correct) {
        return new AgentRequest(
                op,
                "",
                "",
                "clusters/demo",
                "demo",
                new AgentRequest.RunOptions(
                        false, null, 2, 60, "gitops-jenkins", List.of(), List.of(), correct, "", ""),
                new AgentRequest.Access(
                        kubeconfig.isEmpty() ? null : kubeconfig,
                        null,
                        "",
                        null,
                        null,
                        Map.of("HOME", "/home/agent"),
                        List.of("a-masked-value")),
                previous);
    }

    private Path workspace() throws IOException {
        Path ws = tmp.resolve("agent/workspace/job");
        GitOpsRunnerTest.copy(Path.of("../examples/crd-race"), ws);
        return ws;
    }

    /** Writes the value as remoting does and reads it back, checking every class the reader resolves. */
    private static void assertCrossesTheChannel(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        Set<Class<?>> resolved = new LinkedHashSet<>();
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                Class<?> c = super.resolveClass(desc);
                resolved.add(c);
                return c;
            }

            @Override
            protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
                throw new InvalidClassException("a proxy crosses the channel: " + Arrays.toString(interfaces));
            }
        }) {
            read = in.readObject();
        }

        assertThat(read).isEqualTo(value);
        assertThat(resolved)
                .as("classes a %s sends over the channel", value.getClass().getSimpleName())
                .isNotEmpty()
                .allSatisfy(ChannelClassesTest::assertAcceptedOnTheController);
    }

    private static void assertAcceptedOnTheController(Class<?> c) {
        Class<?> type = c;
        while (type.isArray()) {
            type = type.getComponentType();
        }
        String name = type.getName();
        if (type.isPrimitive()) {
            return;
        }
        if (name.startsWith("io.jenkins.plugins.gitops.")) {
            // the plugin's jar or gitops-core's jar, never test code
            CodeSource source = type.getProtectionDomain().getCodeSource();
            assertThat(source.getLocation().toString())
                    .as("where %s comes from", name)
                    .doesNotContain("test-classes")
                    .doesNotEndWith("-tests.jar");
            return;
        }
        assertThat(type.getClassLoader()).as("%s is not a JDK class", name).isNull();
        assertThat(name).as("a JDK class").startsWith("java.");
        if (type != c || Enum.class.isAssignableFrom(type) || Throwable.class.isAssignableFrom(type)) {
            return; // ClassFilterImpl permits arrays, enums and throwables wherever they come from
        }
        assertThat(WHITELISTED_BY_JENKINS)
                .as(
                        "%s is not among the JDK classes found on Jenkins' whitelisted-classes.txt: look it up there"
                                + " (2.479.3) before adding it, the controller rejects any other",
                        name)
                .contains(name);
    }
}
