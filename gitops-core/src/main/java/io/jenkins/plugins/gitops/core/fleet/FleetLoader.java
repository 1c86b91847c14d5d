package io.jenkins.plugins.gitops.core.fleet;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.render.KustomizeOverlays;
import io.jenkins.plugins.gitops.core.render.RenderException;
import io.jenkins.plugins.gitops.core.render.RenderRequest;
import io.jenkins.plugins.gitops.core.render.RenderResult;
import io.jenkins.plugins.gitops.core.render.Renderer;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceArtifact;
import io.jenkins.plugins.gitops.core.source.SourceException;
import io.jenkins.plugins.gitops.core.source.SourceFetcher;
import io.jenkins.plugins.gitops.core.source.SourceUrls;
import io.jenkins.plugins.gitops.core.subst.VariableSubstitution;
import io.jenkins.plugins.gitops.core.yaml.ManifestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a fleet as Flux would: renders the entry path as the root Kustomization, collects the Flux
 * objects in what it rendered, renders each child Kustomization in turn, and repeats until no new
 * ones appear. Objects that no Kustomization reaches are not part of the fleet.
 *
 * <p>A unit that cannot be rendered (its source is missing, a file does not decode, kustomize
 * fails) is recorded with its error and the rest of the fleet is still read.
 */
public final class FleetLoader {

    static final UnitId ROOT = new UnitId("flux-system", "flux-system");

    private final SourceFetcher fetcher;
    private final Renderer renderer;
    private final Path scratch;

    /**
     * @param scratch a folder for derived artifacts; the caller owns and removes it
     */
    public FleetLoader(SourceFetcher fetcher, Renderer renderer, Path scratch) {
        this.fetcher = fetcher;
        this.renderer = renderer;
        this.scratch = scratch;
    }

    public Fleet load(FleetRequest request) {
        SourceArtifact entry;
        try {
            entry = request.isRemote()
                    ? fetcher.fetch(new GitSourceSpec(
                            ROOT.toString(), request.repository(), request.ref(), null, request.credentials()))
                    : fetcher.local(Path.of(request.repository()), null);
        } catch (SourceException e) {
            Unit root = syntheticRoot(request.path());
            String repository = SourceUrls.withoutUserInfo(request.repository());
            String message = "entry repository " + repository + ": " + e.getMessage();
            return new Fleet(
                    repository,
                    null,
                    request.path(),
                    List.of(new LoadedUnit(root, null, List.of(), message, List.of())),
                    List.of(new Problem(Problem.Type.SOURCE, message, List.of(ROOT.toString()))));
        }
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + scratch, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(request.parallelism(), daemonThreads());
        try {
            return new Walk(request, new SourceResolver(fetcher, entry, request.credentials(), scratch), pool)
                    .run(entry);
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread t = new Thread(runnable, "gitops-render");
            t.setDaemon(true);
            return t;
        };
    }

    static Unit syntheticRoot(String path) {
        return new Unit(
                UnitKind.KUSTOMIZATION,
                ROOT,
                "kustomize.toolkit.fluxcd.io/v1",
                "(entry path " + path + ")",
                null,
                List.of(),
                SourceResolver.ENTRY,
                path,
                KustomizeOverlays.NONE,
                Map.of(),
                List.of(),
                false,
                true,
                true,
                Map.of());
    }

    /** One load: the state of the breadth-first walk. */
    private final class Walk {
        private final FleetRequest request;
        private final SourceResolver sources;
        private final ExecutorService pool;
        private final Map<String, LoadedUnit> units = new LinkedHashMap<>();
        private final Map<String, String> declaredIn = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Walk(FleetRequest request, SourceResolver sources, ExecutorService pool) {
            this.request = request;
            this.sources = sources;
            this.pool = pool;
        }

        Fleet run(SourceArtifact entry) {
            Unit root = syntheticRoot(request.path());
            declaredIn.put(key(root), root.origin());
            List<Unit> pending = new ArrayList<>(List.of(root));
            List<Unit> waiting = new ArrayList<>();
            while (!pending.isEmpty()) {
                List<Unit> ready = new ArrayList<>();
                for (Unit u : pending) {
                    (u.kind() == UnitKind.HELM_RELEASE || sources.knows(u.sourceRef()) ? ready : waiting).add(u);
                }
                List<Unit> next = new ArrayList<>();
                for (LoadedUnit loaded : renderAll(ready)) {
                    units.put(key(loaded.unit()), loaded);
                    next.addAll(collect(loaded));
                }
                if (next.isEmpty()) {
                    // Sources declared later in the walk may unblock units that waited for them.
                    List<Unit> unblocked = waiting.stream()
                            .filter(u -> sources.knows(u.sourceRef()))
                            .toList();
                    waiting.removeAll(unblocked);
                    next.addAll(unblocked);
                }
                pending = next;
            }
            for (Unit u : waiting) {
                String message = u.describe() + " (" + u.origin() + "): source " + u.sourceRef()
                        + " is not declared anywhere in the fleet — add it, or fix spec.sourceRef";
                units.put(key(u), new LoadedUnit(u, null, List.of(), message, List.of()));
                problems.add(new Problem(Problem.Type.SOURCE, message, List.of(u.id().toString())));
            }
            return new Fleet(entry.url(), entry.revision(), request.path(), new ArrayList<>(units.values()), problems);
        }

        private List<LoadedUnit> renderAll(List<Unit> batch) {
            List<Future<LoadedUnit>> futures = new ArrayList<>();
            for (Unit u : batch) {
                futures.add(pool.submit(() -> load(u)));
            }
            List<LoadedUnit> result = new ArrayList<>();
            for (Future<LoadedUnit> f : futures) {
                try {
                    result.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("fleet loading was interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("unexpected failure while rendering", e.getCause());
                }
            }
            return result;
        }

        private LoadedUnit load(Unit unit) {
            if (unit.kind() == UnitKind.HELM_RELEASE) {
                return new LoadedUnit(unit, null, List.of(), null, List.of("the chart is rendered at apply time"));
            }
            SourceArtifact artifact;
            try {
                artifact = sources.resolve(unit.sourceRef());
            } catch (SourceException e) {
                return failed(unit, null, Problem.Type.SOURCE, unit.describe() + ": " + e.getMessage());
            }
            try {
                RenderResult result = renderer.render(
                        new RenderRequest(artifact.root(), unit.path(), unit.overlays(), unit.describe()));
                List<String> notes = new ArrayList<>();
                List<Manifest> rendered = result.manifests();
                List<Manifest> manifests = rendered;
                if (!unit.substituteFrom().isEmpty()) {
                    manifests = substituteInlineOnly(unit, manifests);
                    notes.add("postBuild.substituteFrom (" + String.join(", ", unit.substituteFrom())
                            + ") is resolved at apply time");
                } else if (!unit.substitute().isEmpty()) {
                    manifests = VariableSubstitution.apply(manifests, unit.substitute(), request.strictSubstitution());
                }
                return new LoadedUnit(unit, artifact.revision(), manifests, null, notes, rendered);
            } catch (RenderException | ManifestException e) {
                return failed(unit, artifact.revision(), Problem.Type.RENDER, e.getMessage());
            } catch (RuntimeException e) {
                // A substitution error, or anything else a unit's own files can cause.
                return failed(unit, artifact.revision(), Problem.Type.RENDER, unit.describe() + ": " + e.getMessage());
            }
        }

        /**
         * With {@code substituteFrom}, values come from the cluster at apply time: the inline ones are
         * applied now and every other variable is left as written, so the plan neither blanks it nor
         * fails on it.
         */
        private List<Manifest> substituteInlineOnly(Unit unit, List<Manifest> manifests) {
            Map<String, String> variables = new LinkedHashMap<>(unit.substitute());
            for (Manifest m : manifests) {
                for (String name : VariableSubstitution.referencedVariables(m)) {
                    variables.putIfAbsent(name, "${" + name + "}");
                }
            }
            return variables.isEmpty() ? manifests : VariableSubstitution.apply(manifests, variables, false);
        }

        private LoadedUnit failed(Unit unit, String revision, Problem.Type type, String message) {
            synchronized (problems) {
                problems.add(new Problem(type, message, List.of(unit.id().toString())));
            }
            return new LoadedUnit(unit, revision, List.of(), message, List.of());
        }

        /** Registers the Flux objects a unit rendered; returns its child units. */
        private List<Unit> collect(LoadedUnit loaded) {
            List<Unit> children = new ArrayList<>();
            for (Manifest m : loaded.manifests()) {
                if (!FluxApi.isFluxObject(m)) {
                    continue;
                }
                String unsupported = FluxApi.unsupportedVersion(m);
                if (unsupported != null) {
                    problems.add(new Problem(
                            Problem.Type.RENDER,
                            m.origin() + ": " + unsupported,
                            List.of(loaded.unit().id().toString())));
                    continue;
                }
                if (m.namespace().isEmpty()) {
                    problems.add(new Problem(
                            Problem.Type.RENDER,
                            m.origin() + ": " + m.kind() + "/" + m.name()
                                    + " has no metadata.namespace; Flux cannot apply it (namespace not"
                                    + " specified) — set metadata.namespace or the parent's targetNamespace",
                            List.of(loaded.unit().id().toString())));
                    continue;
                }
                if (FluxApi.isKustomization(m) || FluxApi.isHelmRelease(m)) {
                    Unit child = UnitParser.parse(m, loaded.unit().id());
                    addChild(child, loaded, children);
                } else {
                    sources.declare(m).ifPresent(previous -> duplicate(m, previous.origin(), m.origin()));
                }
            }
            return children;
        }

        private void addChild(Unit child, LoadedUnit parent, List<Unit> children) {
            String key = key(child);
            if (child.id().equals(ROOT)
                    && child.kind() == UnitKind.KUSTOMIZATION
                    && parent.unit().synthetic()) {
                // The fleet's own flux-system Kustomization (gotk-sync.yaml) is the entry unit itself.
                return;
            }
            String previous = declaredIn.putIfAbsent(key, child.origin());
            if (previous != null) {
                duplicate(child.kind().kind(), child.id(), previous, child.origin());
                return;
            }
            children.add(child);
        }

        private void duplicate(Manifest m, String first, String second) {
            duplicate(m.kind(), new UnitId(m.namespace(), m.name()), first, second);
        }

        private void duplicate(String kind, UnitId id, String first, String second) {
            problems.add(new Problem(
                    Problem.Type.DUPLICATE,
                    kind + " " + id + " is declared twice: in " + first + " and in " + second
                            + " — remove one, or give them different names",
                    List.of(id.toString())));
        }

        private String key(Unit u) {
            return u.kind().kind() + "/" + u.id();
        }
    }
}
