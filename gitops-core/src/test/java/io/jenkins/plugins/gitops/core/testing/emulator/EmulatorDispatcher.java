package io.jenkins.plugins.gitops.core.testing.emulator;

import static io.jenkins.plugins.gitops.core.testing.emulator.JsonTrees.metadata;
import static io.jenkins.plugins.gitops.core.testing.emulator.JsonTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The emulator's request handling. It extends the stock {@link KubernetesCrudDispatcher} for its
 * store and its watches: every object lives in the inherited map under the stock attribute keys,
 * and every change goes through {@link #processEvent}, so watch clients see the same events as with
 * the stock mock. Everything else (apply, dry run, discovery, CRDs, status, selectors, namespaces,
 * faults, controllers) is handled here, under one lock.
 */
final class EmulatorDispatcher extends KubernetesCrudDispatcher {

    /** Switches the tests can flip at any time. */
    static final class Settings {
        volatile boolean requireNamespaces = true;
        volatile boolean establishManually;
        volatile Duration establishDelay = Duration.ZERO;
        volatile boolean readyWorkloads;
        volatile Duration workloadDelay = Duration.ZERO;
    }

    private static final String API = KubernetesAttributesExtractor.API;
    private static final String PLURAL = KubernetesAttributesExtractor.PLURAL;
    private static final String NAMESPACE = KubernetesAttributesExtractor.NAMESPACE;
    private static final String NAME = KubernetesAttributesExtractor.NAME;

    final Settings settings = new Settings();
    final Faults faults = new Faults();
    final List<EmulatedRequest> log = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private final AtomicLong lastResourceVersion = new AtomicLong();
    private final AtomicInteger addresses = new AtomicInteger();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    EmulatorDispatcher(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    // ---- entry point

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String full = request.getPath();
        int q = full.indexOf('?');
        String path = q < 0 ? full : full.substring(0, q);
        String query = q < 0 ? "" : full.substring(q + 1);
        String body = request.getBody() == null ? "" : request.getBody().readUtf8();
        EmulatedRequest emulated = new EmulatedRequest(
                request.getMethod().toUpperCase(java.util.Locale.ROOT),
                path,
                query,
                request.getHeader("Content-Type"),
                false,
                body);
        emulated = new EmulatedRequest(
                emulated.method(),
                path,
                query,
                emulated.contentType(),
                "All".equals(emulated.queryParameter("dryRun")),
                body);
        log.add(emulated);
        ResourcePath resource = ResourcePath.parse(path).orElse(null);
        Optional<ApiError> fault = faults.match(emulated, resource);
        if (fault.isPresent()) {
            return fault.get().toResponse();
        }
        if (emulated.method().equals("GET") && "true".equals(emulated.queryParameter("watch"))) {
            return super.handleGet(full);
        }
        synchronized (lock) {
            try {
                return route(emulated, resource, request.getHeader("User-Agent"));
            } catch (ApiError e) {
                return e.toResponse();
            }
        }
    }

    private MockResponse route(EmulatedRequest r, ResourcePath p, String userAgent) {
        if (r.method().equals("GET")) {
            Optional<MockResponse> special = special(r.path());
            if (special.isPresent()) {
                return special.get();
            }
        }
        if (p == null) {
            throw ApiError.notServed();
        }
        ResourceType type =
                ApiTypes.find(served(), p.group(), p.version(), p.plural()).orElseThrow(ApiError::notServed);
        boolean wrongScope = type.namespaced() ? p.namespace() == null && p.name() != null : p.namespace() != null;
        boolean unknownSubresource = p.subresource() != null && !(p.isStatus() && type.statusSubresource());
        if (wrongScope || unknownSubresource) {
            throw ApiError.notServed();
        }
        String manager = manager(r, userAgent);
        return switch (r.method()) {
            case "GET" ->
                p.name() == null
                        ? list(type, p.namespace(), r)
                        : Responses.json(200, output(type, require(type, p.namespace(), p.name())));
            case "POST" -> {
                if (p.name() != null) {
                    throw ApiError.methodNotAllowed();
                }
                yield create(type, p.namespace(), r, manager);
            }
            case "PUT" -> update(type, p, r, manager);
            case "PATCH" -> r.isApply() ? apply(type, p, r) : patch(type, p, r, manager);
            case "DELETE" -> p.name() == null ? deleteCollection(type, p.namespace(), r) : delete(type, p, r);
            default -> throw ApiError.methodNotAllowed();
        };
    }

    private Optional<MockResponse> special(String path) {
        if (path.equals("/")) {
            ObjectNode root = JsonTrees.JSON.createObjectNode();
            ArrayNode paths = root.putArray("paths");
            paths.add("/api")
                    .add("/api/v1")
                    .add("/apis")
                    .add("/healthz")
                    .add("/livez")
                    .add("/readyz")
                    .add("/version");
            return Optional.of(Responses.json(200, root));
        }
        if (path.equals("/version")) {
            ObjectNode version = JsonTrees.JSON.createObjectNode();
            version.put("major", "1");
            version.put("minor", "32");
            version.put("gitVersion", "v1.32.0-emulator");
            version.put("platform", "linux/amd64");
            return Optional.of(Responses.json(200, version));
        }
        if (path.matches("/(healthz|livez|readyz)")) {
            return Optional.of(Responses.text(200, "ok"));
        }
        if (Discovery.isDiscoveryPath(path)) {
            ObjectNode document = new Discovery(served()).document(path).orElseThrow(ApiError::notServed);
            return Optional.of(Responses.json(200, document));
        }
        return Optional.empty();
    }

    private static String manager(EmulatedRequest r, String userAgent) {
        String manager = r.queryParameter("fieldManager");
        if (manager != null && !manager.isEmpty()) {
            return manager;
        }
        if (userAgent != null && !userAgent.isBlank()) {
            return userAgent.split("[/ ]")[0];
        }
        return "unknown";
    }

    // ---- reads

    private MockResponse list(ResourceType type, String namespace, EmulatedRequest r) {
        LabelSelector labels = LabelSelector.parse(r.queryParameter("labelSelector"));
        Predicate<JsonNode> fields = fieldSelector(r.queryParameter("fieldSelector"));
        ObjectNode list = JsonTrees.JSON.createObjectNode();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        list.putObject("metadata").put("resourceVersion", String.valueOf(lastResourceVersion.get()));
        ArrayNode items = list.putArray("items");
        objects(type, namespace).stream()
                .filter(labels::matches)
                .filter(fields)
                .sorted(Comparator.comparing(
                        (ObjectNode o) -> text(metadata(o), "namespace") + "/" + text(metadata(o), "name")))
                .forEach(o -> items.add(output(type, o)));
        return Responses.json(200, list);
    }

    /** {@code metadata.name} and {@code metadata.namespace} with {@code =}, {@code ==} and {@code !=}. */
    private static Predicate<JsonNode> fieldSelector(String selector) {
        Predicate<JsonNode> all = o -> true;
        if (selector == null || selector.isBlank()) {
            return all;
        }
        for (String requirement : selector.split(",")) {
            String[] parts = requirement.split("!=|==|=", 2);
            if (parts.length != 2 || !parts[0].trim().startsWith("metadata.")) {
                throw ApiError.badRequest("field label not supported: " + parts[0]);
            }
            String field = parts[0].trim().substring("metadata.".length());
            String value = parts[1].trim();
            boolean negated = requirement.contains("!=");
            all = all.and(o -> value.equals(o.path("metadata").path(field).asText()) != negated);
        }
        return all;
    }

    private ObjectNode output(ResourceType type, ObjectNode object) {
        object.put("apiVersion", type.apiVersion());
        object.put("kind", type.kind());
        return object;
    }

    // ---- writes

    private MockResponse create(ResourceType type, String namespace, EmulatedRequest r, String manager) {
        ObjectNode object = prepareCreate(type, namespace, body(r, false), r.dryRun());
        ManagedFields managed = ManagedFields.of(null);
        managed.recordUpdate(null, object, manager, type.apiVersion());
        metadata(object).set("managedFields", managed.toJson());
        return Responses.json(201, output(type, persist(type, null, object, r.dryRun())));
    }

    private ObjectNode prepareCreate(ResourceType type, String namespace, ObjectNode object, boolean dryRun) {
        ObjectNode meta = metadata(object);
        String name = text(meta, "name");
        if (name == null || name.isEmpty()) {
            String prefix = text(meta, "generateName");
            if (prefix == null || prefix.isEmpty()) {
                throw ApiError.invalid(
                        type.kind(), "", "metadata.name: Required value: name or generateName is required");
            }
            name = prefix + UUID.randomUUID().toString().substring(0, 5);
            meta.put("name", name);
        }
        if (type.namespaced()) {
            String declared = text(meta, "namespace");
            if (declared != null && !declared.isEmpty() && !declared.equals(namespace)) {
                throw ApiError.badRequest(
                        "the namespace of the provided object does not match the namespace sent on the request");
            }
            meta.put("namespace", namespace);
            if (settings.requireNamespaces && entry(ApiTypes.NAMESPACE, null, namespace) == null) {
                throw ApiError.namespaceNotFound(namespace);
            }
        } else {
            meta.remove("namespace");
        }
        if (entry(type, namespace, name) != null) {
            throw ApiError.alreadyExists(type.group(), type.plural(), name);
        }
        meta.remove(List.of(
                "resourceVersion",
                "uid",
                "creationTimestamp",
                "deletionTimestamp",
                "managedFields",
                "generation",
                "selfLink"));
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", JsonTrees.now());
        meta.put("generation", 1);
        if (type.statusSubresource()) {
            object.remove("status");
        }
        if (type.equals(ApiTypes.NAMESPACE)) {
            object.putObject("status").put("phase", "Active");
        }
        if (!dryRun) {
            meta.put("resourceVersion", nextResourceVersion());
        }
        output(type, object);
        return object;
    }

    private MockResponse update(ResourceType type, ResourcePath p, EmulatedRequest r, String manager) {
        Map.Entry<AttributeSet, String> current = requireEntry(type, p.namespace(), p.name());
        ObjectNode before = parse(current);
        ObjectNode body = body(r, false);
        checkPreconditions(type, p, before, body);
        ObjectNode after;
        if (p.isStatus()) {
            after = withStatus(before, body.get("status"));
        } else {
            after = body;
            output(type, after);
            recordUpdate(type, before, after, manager);
        }
        ObjectNode result = finishUpdate(type, before, after, p.isStatus(), r.dryRun());
        return Responses.json(200, output(type, persist(type, current, result, r.dryRun())));
    }

    private MockResponse patch(ResourceType type, ResourcePath p, EmulatedRequest r, String manager) {
        Map.Entry<AttributeSet, String> current = requireEntry(type, p.namespace(), p.name());
        ObjectNode before = parse(current);
        String contentType = r.contentType() == null ? "" : r.contentType();
        ObjectNode patched;
        if (contentType.startsWith("application/json-patch+json")) {
            try {
                patched = (ObjectNode) JsonPatch.apply(JsonTrees.parse(r.body()), before);
            } catch (RuntimeException e) {
                throw ApiError.invalid(type.kind(), p.name(), e.getMessage());
            }
        } else if (contentType.startsWith("application/merge-patch+json")
                || contentType.startsWith("application/strategic-merge-patch+json")) {
            patched = before.deepCopy();
            JsonTrees.merge(patched, body(r, false), contentType.startsWith("application/strategic"));
        } else {
            throw ApiError.unsupportedMediaType(contentType);
        }
        checkPreconditions(type, p, before, patched);
        ObjectNode after;
        if (p.isStatus()) {
            after = withStatus(before, patched.get("status"));
        } else {
            after = patched;
            recordUpdate(type, before, after, manager);
        }
        ObjectNode result = finishUpdate(type, before, after, p.isStatus(), r.dryRun());
        return Responses.json(200, output(type, persist(type, current, result, r.dryRun())));
    }

    private MockResponse apply(ResourceType type, ResourcePath p, EmulatedRequest r) {
        String manager = r.queryParameter("fieldManager");
        if (manager == null || manager.isEmpty()) {
            throw new ApiError(
                    422,
                    "Invalid",
                    "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value:"
                            + " is required for apply patch",
                    null,
                    null,
                    "PatchOptions");
        }
        boolean force = "true".equals(r.queryParameter("force"));
        ObjectNode applied = body(r, true);
        if (text(applied, "apiVersion") == null || text(applied, "kind") == null) {
            throw ApiError.badRequest("apiVersion and kind must be set in an apply configuration");
        }
        if (!type.kind().equals(text(applied, "kind"))) {
            throw ApiError.badRequest("the kind " + text(applied, "kind") + " does not match the resource "
                    + type.plural() + " of the request");
        }
        Map.Entry<AttributeSet, String> current = entry(type, p.namespace(), p.name());
        if (p.isStatus()) {
            if (current == null) {
                throw ApiError.notFound(type.group(), type.plural(), p.name());
            }
            ObjectNode before = parse(current);
            ObjectNode after = before.deepCopy();
            JsonNode status = applied.get("status");
            if (status != null && status.isObject()) {
                JsonTrees.merge(after.withObjectProperty("status"), status, true);
            }
            ObjectNode result = finishUpdate(type, before, after, true, r.dryRun());
            return Responses.json(200, output(type, persist(type, current, result, r.dryRun())));
        }
        String name = text(metadata(applied), "name");
        if (!p.name().equals(name)) {
            throw ApiError.badRequest(
                    "the name of the object (" + name + ") does not match the name on the URL (" + p.name() + ")");
        }
        FieldSet fields = FieldSet.of(applied);
        if (current == null) {
            ObjectNode object = prepareCreate(type, p.namespace(), applied.deepCopy(), r.dryRun());
            ManagedFields managed = ManagedFields.of(null);
            managed.recordApply(object, fields, List.of(), manager, type.apiVersion());
            metadata(object).set("managedFields", managed.toJson());
            return Responses.json(201, output(type, persist(type, null, object, r.dryRun())));
        }
        ObjectNode before = parse(current);
        checkPreconditions(type, p, before, applied);
        ManagedFields managed = ManagedFields.of(before);
        List<ManagedFields.Conflict> conflicts = managed.conflicts(before, applied, fields, manager);
        if (!conflicts.isEmpty() && !force) {
            List<ApiError.Cause> causes = conflicts.stream()
                    .map(c -> new ApiError.Cause(
                            "FieldManagerConflict", "conflict with " + c.printedManager(), FieldSet.display(c.path())))
                    .toList();
            throw new ApiError(
                    409,
                    "Conflict",
                    ManagedFields.message(conflicts),
                    p.name(),
                    type.group(),
                    type.plural(),
                    causes,
                    null);
        }
        ObjectNode after = before.deepCopy();
        JsonTrees.merge(after, applicable(type, applied), true);
        managed.recordApply(after, fields, conflicts, manager, type.apiVersion());
        metadata(after).set("managedFields", managed.toJson());
        ObjectNode result = finishUpdate(type, before, after, false, r.dryRun());
        return Responses.json(200, output(type, persist(type, current, result, r.dryRun())));
    }

    /** The part of an apply configuration that is merged into the live object. */
    private static ObjectNode applicable(ResourceType type, ObjectNode applied) {
        ObjectNode copy = applied.deepCopy();
        copy.remove(List.of("apiVersion", "kind"));
        if (type.statusSubresource()) {
            copy.remove("status");
        }
        ObjectNode meta = metadata(copy);
        meta.retain("labels", "annotations", "finalizers", "ownerReferences");
        return copy;
    }

    private MockResponse delete(ResourceType type, ResourcePath p, EmulatedRequest r) {
        Map.Entry<AttributeSet, String> current = requireEntry(type, p.namespace(), p.name());
        ObjectNode object = parse(current);
        return Responses.json(200, output(type, remove(type, current, object, r.dryRun())));
    }

    private MockResponse deleteCollection(ResourceType type, String namespace, EmulatedRequest r) {
        LabelSelector labels = LabelSelector.parse(r.queryParameter("labelSelector"));
        ObjectNode list = JsonTrees.JSON.createObjectNode();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        ArrayNode items = list.putArray("items");
        for (Map.Entry<AttributeSet, String> entry : entries(type, namespace)) {
            ObjectNode object = parse(entry);
            if (labels.matches(object)) {
                items.add(output(type, remove(type, entry, object, r.dryRun())));
            }
        }
        list.putObject("metadata").put("resourceVersion", String.valueOf(lastResourceVersion.get()));
        return Responses.json(200, list);
    }

    /** Deletes (or, with finalizers, marks for deletion) and returns the object as the response shows it. */
    private ObjectNode remove(
            ResourceType type, Map.Entry<AttributeSet, String> entry, ObjectNode object, boolean dryRun) {
        boolean hasFinalizers = !object.path("metadata").path("finalizers").isEmpty();
        if (dryRun) {
            return object;
        }
        if (hasFinalizers) {
            if (!metadata(object).has("deletionTimestamp")) {
                metadata(object).put("deletionTimestamp", JsonTrees.now());
                metadata(object).put("resourceVersion", nextResourceVersion());
                store(type, entry, object);
            }
            return object;
        }
        erase(type, entry, object);
        return object;
    }

    /** Removes an object for good, with what the real server's garbage collection would remove with it. */
    private void erase(ResourceType type, Map.Entry<AttributeSet, String> entry, ObjectNode object) {
        String name = text(metadata(object), "name");
        processEvent(objectPath(type, text(metadata(object), "namespace"), name), null, entry.getKey(), null, null);
        if (type.equals(ApiTypes.CRD)) {
            String group = object.path("spec").path("group").asText();
            String plural = object.path("spec").path("names").path("plural").asText();
            removeAll(new AttributeSet(new Attribute(API, group), new Attribute(PLURAL, plural)));
        } else if (type.equals(ApiTypes.NAMESPACE)) {
            removeAll(new AttributeSet(new Attribute(NAMESPACE, name)));
        }
    }

    private void removeAll(AttributeSet query) {
        List<Map.Entry<AttributeSet, String>> doomed = new ArrayList<>(map.entrySet())
                .stream().filter(e -> e.getKey().matches(query)).toList();
        for (Map.Entry<AttributeSet, String> entry : doomed) {
            // an empty path: no CRD bookkeeping, but watchers still see the deletion
            processEvent("", null, entry.getKey(), null, null);
        }
    }

    // ---- update helpers

    private ObjectNode body(EmulatedRequest r, boolean yaml) {
        String contentType = r.contentType() == null ? "" : r.contentType();
        return JsonTrees.parseObject(r.body(), yaml || contentType.contains("yaml"));
    }

    private static ObjectNode withStatus(ObjectNode before, JsonNode status) {
        ObjectNode after = before.deepCopy();
        if (status == null || status.isNull()) {
            after.remove("status");
        } else {
            after.set("status", status.deepCopy());
        }
        return after;
    }

    private static void checkPreconditions(ResourceType type, ResourcePath p, ObjectNode before, ObjectNode body) {
        String expected = text(metadata(body), "resourceVersion");
        if (expected != null && !expected.isEmpty() && !expected.equals(text(metadata(before), "resourceVersion"))) {
            throw ApiError.staleResourceVersion(type.group(), type.plural(), p.name());
        }
        String name = text(metadata(body), "name");
        if (name != null && !name.equals(p.name())) {
            throw ApiError.badRequest(
                    "the name of the object (" + name + ") does not match the name on the URL (" + p.name() + ")");
        }
    }

    private static void recordUpdate(ResourceType type, ObjectNode before, ObjectNode after, String manager) {
        ManagedFields managed = ManagedFields.of(before);
        managed.recordUpdate(before, after, manager, type.apiVersion());
        metadata(after).set("managedFields", managed.toJson());
    }

    /**
     * Keeps what a write cannot change (identity, timestamps, status for kinds with a status
     * subresource), bumps {@code generation} when anything outside metadata and status changed and
     * {@code resourceVersion} when anything changed at all.
     */
    private ObjectNode finishUpdate(
            ResourceType type, ObjectNode before, ObjectNode after, boolean statusWrite, boolean dryRun) {
        ObjectNode was = metadata(before);
        ObjectNode meta = metadata(after);
        for (String field : List.of(
                "uid",
                "creationTimestamp",
                "namespace",
                "name",
                "generation",
                "resourceVersion",
                "deletionTimestamp")) {
            if (was.has(field)) {
                meta.set(field, was.get(field).deepCopy());
            } else {
                meta.remove(field);
            }
        }
        if (statusWrite) {
            meta.set("managedFields", was.path("managedFields").deepCopy());
        } else if (type.statusSubresource()) {
            JsonNode status = before.get("status");
            if (status == null) {
                after.remove("status");
            } else {
                after.set("status", status.deepCopy());
            }
        }
        if (!JsonTrees.same(spec(before), spec(after))) {
            meta.put("generation", was.path("generation").asLong(0) + 1);
        }
        if (!dryRun && !JsonTrees.same(before, after)) {
            meta.put("resourceVersion", nextResourceVersion());
        }
        return output(type, after);
    }

    /** Everything but metadata and status: what {@code generation} counts. */
    private static ObjectNode spec(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
        return copy;
    }

    /** Stores the result of a write (unless dry run) and lets the controllers react; returns what the response shows. */
    private ObjectNode persist(
            ResourceType type, Map.Entry<AttributeSet, String> current, ObjectNode object, boolean dryRun) {
        if (dryRun) {
            return object;
        }
        boolean deleting = object.path("metadata").has("deletionTimestamp")
                && object.path("metadata").path("finalizers").isEmpty();
        if (deleting && current != null) {
            erase(type, current, object);
            return object;
        }
        store(type, current, object);
        afterWrite(type, object);
        return object;
    }

    private void store(ResourceType type, Map.Entry<AttributeSet, String> current, ObjectNode object) {
        String namespace = text(metadata(object), "namespace");
        String name = text(metadata(object), "name");
        AttributeSet pathAttributes =
                getKey(ResourcePath.collection(type.group(), type.version(), namespace, type.plural()));
        processEvent(
                objectPath(type, namespace, name),
                pathAttributes,
                current == null ? null : current.getKey(),
                null,
                JsonTrees.write(object));
    }

    private static String objectPath(ResourceType type, String namespace, String name) {
        return ResourcePath.collection(type.group(), type.version(), namespace, type.plural()) + "/" + name;
    }

    private String nextResourceVersion() {
        long next = requestResourceVersion();
        lastResourceVersion.accumulateAndGet(next, Math::max);
        return String.valueOf(next);
    }

    // ---- store lookups

    private static AttributeSet query(ResourceType type, String namespace, String name) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute(PLURAL, type.plural()));
        attributes.add(
                type.group().isEmpty()
                        ? new Attribute(API, "", AttributeType.NOT_EXISTS)
                        : new Attribute(API, type.group()));
        if (namespace != null) {
            attributes.add(new Attribute(NAMESPACE, namespace));
        }
        if (name != null) {
            attributes.add(new Attribute(NAME, name));
        }
        return new AttributeSet(attributes);
    }

    private Map.Entry<AttributeSet, String> entry(ResourceType type, String namespace, String name) {
        return findResource(query(type, namespace, name));
    }

    private Map.Entry<AttributeSet, String> requireEntry(ResourceType type, String namespace, String name) {
        Map.Entry<AttributeSet, String> entry = entry(type, namespace, name);
        if (entry == null) {
            throw ApiError.notFound(type.group(), type.plural(), name);
        }
        return entry;
    }

    private ObjectNode require(ResourceType type, String namespace, String name) {
        return parse(requireEntry(type, namespace, name));
    }

    private List<Map.Entry<AttributeSet, String>> entries(ResourceType type, String namespace) {
        AttributeSet query = query(type, namespace, null);
        return new ArrayList<>(map.entrySet())
                .stream().filter(e -> e.getKey().matches(query)).toList();
    }

    private List<ObjectNode> objects(ResourceType type, String namespace) {
        return entries(type, namespace).stream().map(EmulatorDispatcher::parse).toList();
    }

    private static ObjectNode parse(Map.Entry<AttributeSet, String> entry) {
        return (ObjectNode) JsonTrees.parse(entry.getValue());
    }

    private List<ResourceType> served() {
        List<JsonNode> crds = new ArrayList<>(objects(ApiTypes.CRD, null));
        return ApiTypes.served(crds);
    }

    // ---- controllers

    private void afterWrite(ResourceType type, ObjectNode object) {
        String namespace = text(metadata(object), "namespace");
        String name = text(metadata(object), "name");
        if (type.equals(ApiTypes.CRD) && !settings.establishManually && !ApiTypes.isEstablished(object)) {
            later(settings.establishDelay, () -> establishIfPresent(name));
        }
        if (WorkloadController.handles(type)
                && (settings.readyWorkloads || failures.containsKey(failureKey(type.kind(), namespace, name)))) {
            later(settings.workloadDelay, () -> reconcileWorkload(type, namespace, name));
        }
    }

    private void later(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            task.run();
        } else {
            scheduler.schedule(
                    () -> {
                        synchronized (lock) {
                            task.run();
                        }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void reconcileWorkload(ResourceType type, String namespace, String name) {
        Map.Entry<AttributeSet, String> entry = entry(type, namespace, name);
        if (entry == null) {
            return;
        }
        ObjectNode object = parse(entry);
        String failure = failures.get(failureKey(type.kind(), namespace, name));
        ObjectNode status = failure != null
                ? WorkloadController.failed(type, object, failure)
                : WorkloadController.ready(type, object, addresses.getAndIncrement());
        writeStatus(type, entry, object, status);
    }

    private void writeStatus(
            ResourceType type, Map.Entry<AttributeSet, String> entry, ObjectNode object, ObjectNode status) {
        if (status == null || JsonTrees.same(object.get("status"), status)) {
            return;
        }
        object.set("status", status);
        metadata(object).put("resourceVersion", nextResourceVersion());
        store(type, entry, object);
    }

    private void establishIfPresent(String name) {
        Map.Entry<AttributeSet, String> entry = entry(ApiTypes.CRD, null, name);
        if (entry != null) {
            establish(entry);
        }
    }

    private void establish(Map.Entry<AttributeSet, String> entry) {
        ObjectNode crd = parse(entry);
        if (ApiTypes.isEstablished(crd)) {
            return;
        }
        ObjectNode status = crd.path("status").isObject()
                ? ((ObjectNode) crd.get("status")).deepCopy()
                : JsonTrees.JSON.createObjectNode();
        ArrayNode conditions = status.putArray("conditions");
        String now = JsonTrees.now();
        for (String[] c : new String[][] {
            {"NamesAccepted", "NoConflicts", "no conflicts found"},
            {"Established", "InitialNamesAccepted", "the initial names have been accepted"}
        }) {
            ObjectNode condition = conditions.addObject();
            condition.put("type", c[0]);
            condition.put("status", "True");
            condition.put("lastTransitionTime", now);
            condition.put("reason", c[1]);
            condition.put("message", c[2]);
        }
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        ArrayNode stored = status.putArray("storedVersions");
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                stored.add(version.path("name").asText());
            }
        }
        writeStatus(ApiTypes.CRD, entry, crd, status);
    }

    // ---- operations for ApiEmulator

    void establishNow(String crdName) {
        synchronized (lock) {
            Map.Entry<AttributeSet, String> entry = entry(ApiTypes.CRD, null, crdName);
            if (entry == null) {
                throw new IllegalArgumentException("no CustomResourceDefinition " + crdName);
            }
            establish(entry);
        }
    }

    void fail(String kind, String namespace, String name, String message) {
        ResourceType type = ApiTypes.BUILT_IN.stream()
                .filter(t -> t.kind().equals(kind) && WorkloadController.handles(t))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a workload kind: " + kind));
        synchronized (lock) {
            failures.put(failureKey(kind, namespace, name), message);
            reconcileWorkload(type, namespace, name);
        }
    }

    void seedNamespace(String name) {
        synchronized (lock) {
            if (entry(ApiTypes.NAMESPACE, null, name) != null) {
                return;
            }
            ObjectNode namespace = JsonTrees.JSON.createObjectNode();
            namespace.putObject("metadata").put("name", name);
            store(ApiTypes.NAMESPACE, null, prepareCreate(ApiTypes.NAMESPACE, null, namespace, false));
        }
    }

    /** The stored objects of one kind, for assertions that must not go through the client. */
    List<ObjectNode> stored(String group, String plural) {
        synchronized (lock) {
            AttributeSet query = new AttributeSet(
                    new Attribute(PLURAL, plural),
                    group.isEmpty() ? new Attribute(API, "", AttributeType.NOT_EXISTS) : new Attribute(API, group));
            return new ArrayList<>(map.entrySet())
                    .stream()
                            .filter(e -> e.getKey().matches(query))
                            .map(EmulatorDispatcher::parse)
                            .toList();
        }
    }

    int size() {
        return map.size();
    }

    private static String failureKey(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
