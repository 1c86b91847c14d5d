package io.jenkins.plugins.gitops.jenkins.runner;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitops.core.GitOps;
import io.jenkins.plugins.gitops.core.cluster.ClusterConnection;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.fleet.FleetRequest;
import io.jenkins.plugins.gitops.core.health.HealthReport;
import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.plan.Plan;
import io.jenkins.plugins.gitops.core.plan.PlanJson;
import io.jenkins.plugins.gitops.core.reconcile.DriftReport;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileEngine;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileOptions;
import io.jenkins.plugins.gitops.core.reconcile.ReconcileReport;
import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.state.FleetState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace. It carries the request (small
 * serializable values) and the build's {@link TaskListener}, which remoting hands over as a stream
 * back to the console; nothing else from the controller. Scratch files live in the workspace's
 * {@code @tmp} sibling and are deleted afterwards, the kubeconfig from a credential with them; Git
 * clones are cached per agent under {@code <agent root>/caches/gitops}.
 */
public final class GitOpsCallable extends MasterToSlaveFileCallable<AgentResult> {

    private static final long serialVersionUID = 1L;

    /** Values under these kubeconfig keys are masked in the console. */
    private static final Pattern KUBECONFIG_SECRET = Pattern.compile(
            "(?m)^\\s*(?:token|password|client-key-data|client-certificate-data|id-token|refresh-token)\\s*:\\s*\"?([^\"\\s]+)\"?\\s*$");

    /**
     * The calls of this JVM that are running, or that were told to stop before they started, by
     * token, so that {@link Stop} can reach them.
     */
    private static final Map<String, Call> CALLS = new ConcurrentHashMap<>();

    private final AgentRequest request;
    private final TaskListener listener;
    private final String token = UUID.randomUUID().toString();

    public GitOpsCallable(AgentRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    /** Names this call for {@link Stop}. */
    public String token() {
        return token;
    }

    public AgentRequest request() {
        return request;
    }

    @Override
    public AgentResult invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Call call = CALLS.computeIfAbsent(token, t -> new Call());
        call.start();
        try {
            return invoke(workspace);
        } finally {
            call.finish();
            CALLS.remove(token);
        }
    }

    /**
     * One call's thread, guarded so that a stop interrupts it only while it runs this call: remoting
     * runs the next request on the same pooled thread, which must not inherit the interrupt.
     */
    static final class Call {
        private Thread thread;
        private boolean stopped;
        private boolean finished;

        synchronized void start() {
            thread = Thread.currentThread();
            if (stopped) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            thread = null;
            finished = true;
            // a stop that came too late for the engine must not reach the thread's next task
            Thread.interrupted();
        }

        synchronized boolean stop() {
            if (finished) {
                return false;
            }
            stopped = true;
            if (thread != null) {
                thread.interrupt();
            }
            return true;
        }
    }

    private AgentResult invoke(File workspace) throws IOException, InterruptedException {
        SecretRedactor redactor = redactor(request.access());
        ConsoleProgress console = new ConsoleProgress(listener.getLogger(), redactor);
        Path ws = workspace.toPath().toAbsolutePath();
        Path tmp = tempDir(ws);
        Files.createDirectories(tmp);
        Path work = Files.createTempDirectory(tmp, "gitops");
        try {
            return Redaction.result(run(ws, work, console, redactor), redactor);
        } catch (RuntimeException e) {
            // messages may name a URL with credentials or a value read from a Secret
            throw new IOException(redactor.redact(String.valueOf(e.getMessage())));
        } finally {
            deleteQuietly(work);
        }
    }

    private AgentResult run(Path ws, Path work, ConsoleProgress console, SecretRedactor redactor)
            throws IOException, InterruptedException {
        AgentRequest.RunOptions options = request.options();
        Path cache = cacheDir(ws, options);
        String kustomize = options.kustomizeBinary().isBlank() ? null : options.kustomizeBinary();
        FleetRequest fleetRequest = fleetRequest(ws);
        console.println("[gitops] " + request.operation().name().toLowerCase(java.util.Locale.ROOT) + " "
                + fleetRequest.repository() + (request.repository().isBlank() ? "" : " @ " + request.ref())
                + " path " + fleetRequest.path() + " (fleet " + request.fleet() + ")");
        if (request.operation() == Operation.PLAN) {
            Plan plan = GitOps.planner(cache, work, kustomize).plan(fleetRequest);
            printWaves(plan, console);
            return new AgentResult(Operation.PLAN, null, PlanJson.toTree(plan), null, null, null, false);
        }
        ClusterConnection connection = connection(work);
        console.println("[gitops] cluster: " + connection);
        SnapshotStateStore store = new SnapshotStateStore(request.previous());
        try (Fabric8ClusterClient cluster = Fabric8ClusterClient.connect(connection, RetryPolicy.defaults())) {
            ReconcileEngine engine = GitOps.engine(cache, work, kustomize, cluster, store);
            ReconcileOptions reconcileOptions = reconcileOptions(options);
            AgentResult result =
                    switch (request.operation()) {
                        case APPLY -> {
                            ReconcileReport report =
                                    engine.apply(fleetRequest, request.fleet(), reconcileOptions, console);
                            yield new AgentResult(
                                    Operation.APPLY, report, null, null, null, store.saved(), Thread.interrupted());
                        }
                        case DIFF -> diff(engine, fleetRequest, reconcileOptions, store, console);
                        case WAIT -> {
                            HealthReport health = engine.waitFor(
                                    request.fleet(),
                                    options.units(),
                                    ObjectRefs.parse(options.objects()),
                                    Duration.ofSeconds(Math.max(0, options.timeoutSeconds())));
                            console.println("[gitops] health: " + health.summary());
                            yield new AgentResult(
                                    Operation.WAIT, null, null, null, health(health), null, Thread.interrupted());
                        }
                        case PLAN -> throw new IllegalStateException("unreachable");
                    };
            return result;
        }
    }

    private AgentResult diff(
            ReconcileEngine engine,
            FleetRequest fleetRequest,
            ReconcileOptions options,
            SnapshotStateStore store,
            ConsoleProgress console) {
        DriftReport drift = engine.diff(fleetRequest, options);
        for (DriftReport.UnitDrift unit : drift.units()) {
            long changed = unit.diffs().stream().filter(d -> d.drifted()).count();
            console.println("[gitops] " + unit.id() + ": "
                    + (unit.error() != null ? "cannot compare - " + unit.error() : changed + " object(s) drifted"));
            unit.diffs().stream().filter(d -> d.drifted()).forEach(d -> console.println(d.text()));
        }
        ReconcileReport report = null;
        if (drift.drifted() && request.options().correct() && !options.dryRun()) {
            console.println("[gitops] drift found: re-applying");
            report = engine.apply(fleetRequest, request.fleet(), options, console);
        }
        return new AgentResult(Operation.DIFF, report, null, drift, null, store.saved(), Thread.interrupted());
    }

    private static void printWaves(Plan plan, ConsoleProgress console) {
        console.println("[gitops] revision " + plan.revision() + ", "
                + plan.units().size() + " unit(s) in " + plan.waves().size() + " wave(s)");
        for (int i = 0; i < plan.waves().size(); i++) {
            console.println("[gitops]   wave " + (i + 1) + ": "
                    + String.join(", ", plan.waves().get(i)));
        }
        plan.errors().forEach(p -> console.println("[gitops] ERROR " + p.message()));
    }

    private static AgentResult.Health health(HealthReport report) {
        return new AgentResult.Health(
                report.status().toString(),
                report.summary(),
                report.objects().stream().map(String::valueOf).toList());
    }

    private FleetRequest fleetRequest(Path ws) {
        boolean remote = !request.repository().isBlank();
        FleetRequest fleet = FleetRequest.of(remote ? request.repository() : ws.toString(), request.path());
        if (remote) {
            fleet = fleet.withRef(GitRef.parse(request.ref()));
        }
        AgentRequest.Access access = request.access();
        GitCredentials git = access.gitPassword() != null
                ? new GitCredentials(
                        access.gitUsername() == null || access.gitUsername().isBlank() ? "git" : access.gitUsername(),
                        access.gitPassword())
                : GitCredentials.fromEnvironment(access.environment());
        if (git != null) {
            fleet = fleet.withCredentials(git);
        }
        return fleet.withParallelism(request.options().parallelism());
    }

    private ReconcileOptions reconcileOptions(AgentRequest.RunOptions options) {
        return ReconcileOptions.defaults()
                .withDryRun(options.dryRun())
                .withPrune(options.prune())
                .withParallelism(options.parallelism())
                .withTimeout(Duration.ofSeconds(options.timeoutSeconds()))
                .withFieldManager(options.fieldManager())
                .withUnits(new HashSet<>(options.units()));
    }

    /** The kubeconfig from a credential (written to a private file in the scratch folder), a path, or the environment. */
    private ClusterConnection connection(Path work) throws IOException {
        AgentRequest.Access access = request.access();
        ClusterConnection connection;
        if (access.kubeconfigContent() != null) {
            Path file = work.resolve("kubeconfig");
            Files.createFile(file);
            restrict(file);
            Files.writeString(file, access.kubeconfigContent(), StandardCharsets.UTF_8);
            connection = ClusterConnection.kubeconfig(file, access.context());
        } else if (access.kubeconfigPath() != null && !access.kubeconfigPath().isBlank()) {
            connection = ClusterConnection.kubeconfig(Path.of(access.kubeconfigPath()), access.context());
        } else {
            connection = ClusterConnection.fromEnvironment(access.environment());
            if (!access.context().isBlank()) {
                connection = connection.withContext(access.context());
            }
        }
        return connection;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows agents: the file stays in the build's own scratch folder and is deleted afterwards
        }
    }

    static SecretRedactor redactor(AgentRequest.Access access) {
        SecretRedactor redactor = new SecretRedactor();
        if (access.gitPassword() != null) {
            redactor.register(access.gitPassword());
        }
        access.secrets().forEach(redactor::register);
        if (access.kubeconfigContent() != null) {
            Matcher m = KUBECONFIG_SECRET.matcher(access.kubeconfigContent());
            while (m.find()) {
                redactor.register(m.group(1));
            }
        }
        for (String key : List.of("GITOPS_GIT_PASSWORD", "GITOPS_GIT_TOKEN")) {
            String value = access.environment().get(key);
            if (value != null) {
                redactor.register(value);
            }
        }
        return redactor;
    }

    /** The workspace's {@code @tmp} sibling, as Jenkins' {@code WorkspaceList.tempDir}. */
    static Path tempDir(Path workspace) {
        Path parent = workspace.getParent();
        String name = workspace.getFileName() + "@tmp";
        return parent == null ? workspace.resolve(name) : parent.resolve(name);
    }

    /** {@code <agent root>/caches/gitops}: workspaces are {@code <agent root>/workspace/<job>}. */
    static Path cacheDir(Path workspace, AgentRequest.RunOptions options) {
        if (!options.cacheDir().isBlank()) {
            return Path.of(options.cacheDir());
        }
        Path parent = workspace.getParent();
        Path root = parent == null ? null : parent.getParent();
        return root == null
                ? tempDir(workspace).resolve("gitops-cache")
                : root.resolve("caches").resolve("gitops");
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a left-over scratch folder is not worth failing the build for; Jenkins cleans @tmp
        }
    }

    /** Only the operation and fleet: never the access values. */
    @Override
    public String toString() {
        return "GitOpsCallable[" + request.operation() + " " + request.fleet() + "]";
    }

    /** Keeps the state the engine saved, or the previous one when it saved none. */
    static FleetState stateOrPrevious(AgentResult result, FleetState previous) {
        return result.state() != null ? result.state() : previous;
    }

    /**
     * Asks the engine of a running {@link GitOpsCallable} to stop, on the agent where it runs. An
     * abort must not cancel the remote call itself: remoting would then drop the result, and with it
     * the record of what the engine had already applied. Interrupting the engine's thread from here
     * makes it stop at its next check and return a partial report through the still-open call.
     */
    public static final class Stop extends MasterToSlaveFileCallable<Boolean> {

        private static final long serialVersionUID = 1L;

        private final String token;

        public Stop(String token) {
            this.token = token;
        }

        /**
         * True if the call had not finished here and has been told to stop. A stop that arrives
         * before the call has started is kept, and the call stops as soon as it starts (or, if it
         * never starts, the small record stays: aborts are rare).
         */
        @Override
        public Boolean invoke(File workspace, VirtualChannel channel) {
            return CALLS.computeIfAbsent(token, t -> new Call()).stop();
        }
    }
}
