package io.jenkins.plugins.gitops.jenkins.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitReport;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;
import io.jenkins.plugins.gitops.core.render.KustomizeOptions;
import io.jenkins.plugins.gitops.core.render.KustomizeRenderer;
import io.jenkins.plugins.gitops.core.state.FleetState;
import io.jenkins.plugins.gitops.core.state.UnitState;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import io.jenkins.plugins.gitops.jenkins.action.GitOpsRunAction;
import io.jenkins.plugins.gitops.jenkins.config.Defaults;
import io.jenkins.plugins.gitops.jenkins.doubles.DirWorkspace;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeListener;
import io.jenkins.plugins.gitops.jenkins.doubles.FakeRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsRunnerTest {

    static final String TOKEN = "kube-t0ken-from-a-credential";

    @TempDir
    Path tmp;

    /** Credentials as the plugin would resolve them: the kubeconfig of a "Secret file" credential. */
    static CredentialsResolver credentials(String kubeconfig) {
        return new CredentialsResolver() {
            @Override
            public String kubeconfig(Run<?, ?> run, String id) {
                return kubeconfig;
            }

            @Override
            public GitLogin git(Run<?, ?> run, String id) {
                return new GitLogin("git", TOKEN);
            }
        };
    }

    static RunSettings apply(String fleet) {
        return new RunSettings(
                Operation.APPLY,
                "clusters/demo",
                "",
                "",
                "kubeconfig",
                "",
                "",
                List.of(),
                List.of(),
                null,
                false,
                60,
                2,
                fleet,
                "FAILURE",
                false);
    }

    private DirWorkspace workspaceWithCrdRace() throws IOException {
        Path ws = tmp.resolve("agent/workspace/job");
        copy(Path.of("../examples/crd-race"), ws);
        return new DirWorkspace(ws.toFile());
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void assumeKustomize() {
        Assumptions.assumeTrue(
                new KustomizeRenderer(KustomizeOptions.defaults()).binary().isPresent(), "no kustomize or kubectl");
    }

    @Test
    void shouldApplyOnTheAgentStoreTheReportAndHandTheStateToTheNextBuild() throws Exception {
        assumeKustomize();
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start()) {
            String kubeconfig = Files.readString(emulator.writeKubeconfig(tmp.resolve("kube")));
            GitOpsRunner runner = new GitOpsRunner(credentials(kubeconfig), Defaults.builtIn());
            DirWorkspace ws = workspaceWithCrdRace();
            FakeRun first = new FakeRun(tmp.resolve("builds/1").toFile(), null);
            FakeListener console = new FakeListener();

            Outcome outcome = runner.run(first, ws, Map.of(), console, apply("demo"));

            assertThat(outcome.failed()).as(console.text()).isFalse();
            assertThat(outcome.unitsMap()).isNotEmpty().allSatisfy((id, unit) -> assertThat(
                            ((Map<?, ?>) unit).get("status"))
                    .isEqualTo("Ready"));
            assertThat(console.text()).contains("[gitops] apply").contains("[gitops] ");
            GitOpsRunAction action = first.getActions(GitOpsRunAction.class).get(0);
            assertThat(action.getFleet()).isEqualTo("demo");
            assertThat(action.count("Ready")).isEqualTo(outcome.unitsMap().size());
            assertThat(action.getReportTree()).containsKey("units");
            assertThat(action.loadState().units()).isNotEmpty();
            assertThat(Files.walk(first.getRootDir().toPath()).map(Path::toString))
                    .anyMatch(p -> p.endsWith("report.json"))
                    .anyMatch(p -> p.endsWith("state.json"));
            String stored = Files.readString(first.getRootDir()
                    .toPath()
                    .resolve("gitops")
                    .resolve(action.getKey())
                    .resolve("state.json"));
            assertThat(stored).doesNotContain(TOKEN);
            assertThat(Files.list(ws.sentDir().resolveSibling("job@tmp")))
                    .as("scratch removed")
                    .isEmpty();

            // a build in between without GitOps, then the next build: the previous state reaches the agent
            FakeRun second = new FakeRun(tmp.resolve("builds/2").toFile(), first);
            FakeRun third = new FakeRun(tmp.resolve("builds/3").toFile(), second);
            AgentRequest request = runner.request(third, Map.of(), apply("demo"));
            assertThat(request.previous()).isEqualTo(action.loadState());
            assertThat(runner.request(third, Map.of(), apply("other"))
                            .previous()
                            .units())
                    .isEmpty();
        }
    }

    @Test
    void shouldStopTheEngineWhenTheBuildIsAborted() throws Exception {
        assumeKustomize();
        try (ApiEmulator emulator =
                new ApiEmulator().delayWorkloads(Duration.ofMinutes(10)).start()) {
            String kubeconfig = Files.readString(emulator.writeKubeconfig(tmp.resolve("kube")));
            GitOpsRunner runner = new GitOpsRunner(credentials(kubeconfig), Defaults.builtIn());
            DirWorkspace ws = workspaceWithCrdRace();
            FakeRun build = new FakeRun(tmp.resolve("builds/1").toFile(), null);
            FakeListener console = new FakeListener();
            AtomicReference<Thread> worker = new AtomicReference<>();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    runner.run(build, ws, Map.of(), console, apply("demo"));
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                }
            });
            worker.set(t);
            t.start();
            // wait until the engine is waiting for the delayed workloads
            long until = System.currentTimeMillis() + 60_000;
            while (!console.text().toLowerCase(java.util.Locale.ROOT).contains("wait")
                    && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            long abortedAt = System.currentTimeMillis();
            t.interrupt();

            Throwable e = ended.get(30, TimeUnit.SECONDS);
            assertThat(e).isInstanceOf(InterruptedException.class);
            assertThat(System.currentTimeMillis() - abortedAt).isLessThan(20_000);
            assertThat(build.getActions(GitOpsRunAction.class))
                    .as("partial progress kept")
                    .hasSize(1);
            assertThat(build.saves()).as("and saved with the build at once").isPositive();
        } catch (ExecutionException e) {
            throw e;
        }
    }

    static Outcome outcomeWith(UnitStatus status, String reason) {
        UnitReport unit = new UnitReport(
                "flux-system/apps",
                "Kustomization",
                status,
                reason,
                "boom",
                "main@sha1:1",
                List.of(),
                List.of(),
                List.of(),
                1);
        ReconcileReport report = new ReconcileReport(
                "ws", "main@sha1:1", "clusters/prod", false, List.of(unit), List.of(), List.of(), 0, 1);
        return Outcome.of(new AgentResult(Operation.APPLY, report, null, null, null, null, false));
    }

    @Test
    void shouldFailTheBuildWhenAUnitFails() {
        FakeRun build = new FakeRun(tmp.resolve("b").toFile(), null);
        assertThatThrownBy(() -> GitOpsRunner.enforce(
                        build, new FakeListener(), outcomeWith(UnitStatus.FAILED, "HealthCheckFailed"), "FAILURE"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("flux-system/apps Failed (HealthCheckFailed)");
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAskedTo() throws Exception {
        FakeRun build = new FakeRun(tmp.resolve("b").toFile(), null);
        FakeListener console = new FakeListener();
        GitOpsRunner.enforce(build, console, outcomeWith(UnitStatus.SKIPPED, "DependencyNotReady"), "UNSTABLE");
        assertThat(build.getResult()).isSameAs(Result.UNSTABLE);
        assertThat(console.text()).contains("unstable");
    }

    @Test
    void shouldLeaveTheBuildAloneWhenEverythingIsReady() throws Exception {
        FakeRun build = new FakeRun(tmp.resolve("b").toFile(), null);
        GitOpsRunner.enforce(
                build, new FakeListener(), outcomeWith(UnitStatus.READY, "ReconciliationSucceeded"), "FAILURE");
        assertThat(build.getResult()).isNull();
    }

    @Test
    void shouldSendOnlyTheEngineEnvironmentToTheAgent() throws Exception {
        GitOpsRunner runner = new GitOpsRunner(credentials("k"), Defaults.builtIn());
        FakeRun build = new FakeRun(tmp.resolve("b").toFile(), null);
        AgentRequest request = runner.request(
                build,
                Map.of("KUBECONFIG", "/k", "AWS_SECRET_ACCESS_KEY", "x", "PATH", "/bin"),
                new RunSettings(
                        Operation.APPLY,
                        "p",
                        "",
                        "",
                        "",
                        "",
                        "git",
                        List.of(),
                        List.of(),
                        null,
                        false,
                        0,
                        0,
                        "",
                        "",
                        false));
        assertThat(request.access().environment()).containsOnlyKeys("KUBECONFIG");
        assertThat(request.access().kubeconfigContent()).isNull();
        assertThat(request.access().gitPassword()).isEqualTo(TOKEN);
        assertThat(request.options().timeoutSeconds()).isEqualTo(300);
        assertThat(request.options().parallelism()).isEqualTo(4);
    }

    @Test
    void shouldMaskAUserNameTheCredentialTreatsAsSecret() throws Exception {
        CredentialsResolver secretUser = new CredentialsResolver() {
            @Override
            public String kubeconfig(Run<?, ?> run, String id) {
                return "k";
            }

            @Override
            public GitLogin git(Run<?, ?> run, String id) {
                return new GitLogin("svc-deployer-7731", TOKEN, true);
            }
        };
        GitOpsRunner runner = new GitOpsRunner(secretUser, Defaults.builtIn());
        RunSettings settings = new RunSettings(
                Operation.APPLY, "p", "", "", "", "", "git", List.of(), List.of(), null, false, 0, 0, "", "", false);

        AgentRequest request = runner.request(new FakeRun(tmp.resolve("b").toFile(), null), Map.of(), settings);

        assertThat(request.access().gitUsername()).isEqualTo("svc-deployer-7731");
        assertThat(request.access().secrets()).containsExactly("svc-deployer-7731");
        assertThat(request.access().toString()).doesNotContain("svc-deployer-7731");
        assertThat(new CredentialsResolver.GitLogin("svc-deployer-7731", TOKEN, true).toString())
                .doesNotContain("svc-deployer-7731")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldLookUpThePreviousStateForAWaitOnUnitsOnly() throws Exception {
        GitOpsRunner runner = new GitOpsRunner(credentials("k"), Defaults.builtIn());
        FakeRun applied = new FakeRun(tmp.resolve("builds/1").toFile(), null);
        FleetState state = new FleetState(Map.of(
                "apps/web",
                new UnitState(
                        List.of(new InventoryEntry("apps_web_apps_Deployment", "v1")), "main@sha1:1", "main@sha1:1")));
        applied.addAction(GitOpsRunAction.write(applied, "demo", "APPLY", null, null, state));
        FakeRun waiting = new FakeRun(tmp.resolve("builds/2").toFile(), applied);

        assertThat(runner.request(waiting, Map.of(), wait(List.of("apps/web"), List.of()))
                        .previous())
                .as("units: their inventories come from the state")
                .isEqualTo(state);
        assertThat(runner.request(waiting, Map.of(), wait(List.of(), List.of("Deployment/apps/web")))
                        .previous())
                .as("given objects: no walk through the builds")
                .isEqualTo(FleetState.EMPTY);
    }

    private static RunSettings wait(List<String> units, List<String> objects) {
        return new RunSettings(
                Operation.WAIT, "p", "", "", "", "", "", units, objects, null, false, 5, 0, "demo", "", false);
    }
}
