package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server for tests: fabric8's {@link KubernetesMockServer} with a dispatcher that
 * adds what the engine relies on and the stock CRUD mock lacks. Start one per test, talk to it with
 * {@link #client()} (or a kubeconfig from {@link #writeKubeconfig(Path)}), close it afterwards.
 *
 * <pre>{@code
 * try (ApiEmulator api = new ApiEmulator().readyWorkloads().start()) {
 *     api.client().resource(deployment).fieldManager("gitops-jenkins").forceConflicts().serverSideApply();
 * }
 * }</pre>
 *
 * <h2>What it does</h2>
 *
 * <ul>
 *   <li>Server-side apply ({@code PATCH}, {@code application/apply-patch+yaml}) with {@code
 *       managedFields} in the {@code FieldsV1} format, conflicts (409, reason {@code Conflict}),
 *       forced ownership and removal of fields a manager stops applying; merge, strategic-merge
 *       (simplified) and JSON patches; {@code PUT}, {@code POST}, {@code DELETE}, {@code GET} and
 *       lists; {@code generation} and {@code resourceVersion} as the real server keeps them.
 *   <li>{@code dryRun=All} on every write: the response shows the result, nothing is stored.
 *   <li>Discovery for a fixed set of built-in kinds and for the kinds of Established CRDs.
 *   <li>CRDs become Established after {@link #establishDelay(Duration)} or, with {@link
 *       #establishCrdsManually()}, when {@link #establish(String)} says so; until then their kinds
 *       answer 404. Deleting a CRD deletes its custom resources.
 *   <li>Status subresources, namespaces that must exist, set-based label selectors, injected
 *       faults, a request log, and opt-in controllers that make workloads ready.
 * </ul>
 *
 * <h2>Where it differs from a real API server</h2>
 *
 * <ul>
 *   <li>Ownership is simplified: leaves and whole lists, except lists whose elements all have a
 *       {@code name}, which merge by name (so unnamed {@code ports} are atomic). No schema: no
 *       defaulting, no validation, no pruning of unknown fields, no immutable fields.
 *   <li>Strategic merge patch is a JSON merge patch that merges named lists by name; {@code $patch}
 *       directives are not understood. Apply to {@code /status} merges without ownership.
 *   <li>{@code Update} managers take the fields whose values they change; managers are named by the
 *       {@code fieldManager} parameter or the first word of the {@code User-Agent}.
 *   <li>No admission, no authentication, no conversion between versions of a CRD (objects are
 *       served as stored, with the requested {@code apiVersion}), no {@code limit}/{@code continue},
 *       no {@code /scale}, no OpenAPI, no aggregated discovery, no protobuf.
 *   <li>Garbage collection is immediate and only for CRDs (their custom resources) and namespaces
 *       (their objects); owner references are not followed. Namespaces do not pass through
 *       {@code Terminating}. {@code default} and {@code kube-system} exist from the start.
 *   <li>{@code generation} is kept for every kind (the real server only for some); dry-run creates
 *       get no {@code resourceVersion}.
 *   <li>The controllers are stand-ins: statuses appear in one step, without Pods or ReplicaSets.
 * </ul>
 *
 * <p>All state is in memory and every lookup scans it: keep a test's store small.
 */
public final class ApiEmulator implements AutoCloseable {

    /** The mock server logs every request at INFO; held here so the level sticks (JUL keeps weak references). */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "api-emulator-controllers");
        thread.setDaemon(true);
        return thread;
    });
    private final EmulatorDispatcher dispatcher = new EmulatorDispatcher(scheduler);
    private final KubernetesMockServer server = new KubernetesMockServer(
            new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(), dispatcher, false);
    private KubernetesClient client;

    /** Starts the server on a free local port, with the namespaces {@code default} and {@code kube-system}. */
    public ApiEmulator start() {
        server.start();
        dispatcher.seedNamespace("default");
        dispatcher.seedNamespace("kube-system");
        return this;
    }

    /** A client for this server: namespace {@code default}, no retries of its own (requestRetryBackoffLimit 0). */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(config()).build();
        }
        return client;
    }

    /** The configuration {@link #client()} uses, for tests that build their own clients. */
    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .withHttp2Disable(true)
                .withOauthToken("emulator")
                .build();
    }

    /** The server's base URL, such as {@code http://localhost:40123}. */
    public String url() {
        String url = server.url("/");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Writes a kubeconfig (context {@code emulator}, namespace {@code default}) to {@code dir/kubeconfig}. */
    public Path writeKubeconfig(Path dir) throws IOException {
        String yaml = String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: emulator",
                "  cluster:",
                "    server: " + url(),
                "contexts:",
                "- name: emulator",
                "  context:",
                "    cluster: emulator",
                "    user: emulator",
                "    namespace: default",
                "current-context: emulator",
                "users:",
                "- name: emulator",
                "  user:",
                "    token: emulator",
                "");
        Files.createDirectories(dir);
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    // ---- CRDs

    /** How long after a CRD is written it becomes Established (default: at once). */
    public ApiEmulator establishDelay(Duration delay) {
        dispatcher.settings.establishDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** CRDs stay un-Established (their kinds 404) until {@link #establish(String)}: the CRD/CR race. */
    public ApiEmulator establishCrdsManually() {
        dispatcher.settings.establishManually = true;
        return this;
    }

    /** Marks a CRD {@code NamesAccepted} and {@code Established}, so its kinds are served. */
    public void establish(String crdName) {
        dispatcher.establishNow(crdName);
    }

    // ---- namespaces

    /** Namespaced objects may be created in namespaces that do not exist (default: 404 like a real server). */
    public ApiEmulator allowMissingNamespaces() {
        dispatcher.settings.requireNamespaces = false;
        return this;
    }

    // ---- controllers

    /**
     * After each write, Deployments, StatefulSets, DaemonSets and ReplicaSets become ready, Jobs
     * complete, PVCs are Bound and LoadBalancer Services get an ingress IP.
     */
    public ApiEmulator readyWorkloads() {
        dispatcher.settings.readyWorkloads = true;
        return this;
    }

    /** How long the controllers wait after a write before they write status (default: at once). */
    public ApiEmulator delayWorkloads(Duration delay) {
        dispatcher.settings.workloadDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * The workload fails from now on, also after later writes: Deployments and other workloads get
     * {@code Progressing=False} with reason {@code ProgressDeadlineExceeded}, Jobs {@code
     * Failed=True}. The object may be created later.
     */
    public void failWorkload(String kind, String namespace, String name, String message) {
        dispatcher.fail(kind, namespace, name, message);
    }

    // ---- faults

    /** The next {@code times} requests of any kind fail with {@code status}; {@code retryAfterSeconds} may be null. */
    public ApiEmulator failNext(int times, int status, String retryAfterSeconds) {
        return failNext(EmulatedRequest.any(), times, status, retryAfterSeconds);
    }

    /** The next {@code times} matching requests fail with {@code status} and, if given, a {@code Retry-After}. */
    public ApiEmulator failNext(Predicate<EmulatedRequest> when, int times, int status, String retryAfterSeconds) {
        dispatcher.faults.failNext(when, times, status, retryAfterSeconds);
        return this;
    }

    /** Every matching request fails with {@code status} and a {@code Status} body carrying {@code message}. */
    public ApiEmulator failAlways(Predicate<EmulatedRequest> when, int status, String message) {
        dispatcher.faults.failAlways(when, status, message);
        return this;
    }

    /** Removes every injected fault. */
    public void clearFaults() {
        dispatcher.faults.clear();
    }

    // ---- request log

    /** Every request received so far, oldest first. */
    public List<EmulatedRequest> requests() {
        return List.copyOf(dispatcher.log);
    }

    /** The requests that could change the store: not GET, not dry run. */
    public List<EmulatedRequest> writes() {
        return dispatcher.log.stream().filter(EmulatedRequest::isWrite).toList();
    }

    public void clearLog() {
        dispatcher.log.clear();
    }

    // ---- store

    /** The stored objects of one resource ({@code ""} for the core group), read past the HTTP layer. */
    public List<ObjectNode> stored(String group, String plural) {
        return dispatcher.stored(group, plural);
    }

    /** How many objects are stored, namespaces included. */
    public int size() {
        return dispatcher.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (client != null) {
                client.close();
            }
        }
        scheduler.shutdownNow();
        server.shutdown();
    }
}
