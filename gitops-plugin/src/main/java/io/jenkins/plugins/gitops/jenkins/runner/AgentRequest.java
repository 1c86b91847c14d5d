package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.state.FleetState;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything the agent needs, as small serializable values: no Jenkins object crosses the channel.
 * {@link #toString()} never shows the kubeconfig content, the Git password or environment values.
 *
 * @param repository a Git URL, or empty for the workspace
 * @param ref the ref of a remote repository ({@code main}, {@code tag:v1}, {@code semver:>=1.0}, ...)
 * @param path the fleet's entry path inside the repository
 * @param fleet the fleet's name for state and reports
 * @param options how to run
 * @param access cluster and Git access
 * @param previous the fleet's state after the last build that had one, for pruning
 */
public record AgentRequest(
        Operation operation,
        String repository,
        String ref,
        String path,
        String fleet,
        RunOptions options,
        Access access,
        FleetState previous)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public AgentRequest {
        repository = RunSettings.blankToEmpty(repository);
        ref = RunSettings.blankToEmpty(ref);
        path = path == null || path.isBlank() ? "." : path.trim();
        previous = previous == null ? FleetState.EMPTY : previous;
    }

    /**
     * How to run.
     *
     * @param prune null follows each unit's {@code spec.prune}
     * @param units unit ids ({@code namespace/name}) to run or wait for; empty means all
     * @param objects objects to wait for ({@code [apiVersion:]Kind/namespace/name}); WAIT only
     * @param correct DIFF only: re-apply when something drifted
     * @param cacheDir where Git clones are kept on the agent; empty for {@code <agent root>/caches/gitops}
     */
    public record RunOptions(
            boolean dryRun,
            Boolean prune,
            int parallelism,
            long timeoutSeconds,
            String fieldManager,
            List<String> units,
            List<String> objects,
            boolean correct,
            String kustomizeBinary,
            String cacheDir)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public RunOptions {
            units = units == null ? List.of() : List.copyOf(units);
            objects = objects == null ? List.of() : List.copyOf(objects);
            kustomizeBinary = kustomizeBinary == null ? "" : kustomizeBinary;
            cacheDir = cacheDir == null ? "" : cacheDir;
        }
    }

    /**
     * Cluster and Git access. The kubeconfig either comes as content (from a file credential; the
     * agent writes it to a temporary file and deletes it afterwards), as a path, or from {@code
     * KUBECONFIG} in {@code environment}.
     *
     * @param environment the subset of the build's environment the engine reads ({@code KUBECONFIG},
     *     {@code HOME}, {@code GITOPS_GIT_*}, ...)
     * @param secrets further values to mask in the console
     */
    public record Access(
            String kubeconfigContent,
            String kubeconfigPath,
            String context,
            String gitUsername,
            String gitPassword,
            Map<String, String> environment,
            List<String> secrets)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public Access {
            context = context == null ? "" : context;
            environment = environment == null ? Map.of() : Map.copyOf(environment);
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        public static Access fromEnvironment(Map<String, String> environment) {
            return new Access(null, null, "", null, null, environment, List.of());
        }

        @Override
        public String toString() {
            return "Access[kubeconfig="
                    + (kubeconfigContent != null
                            ? "(from a credential)"
                            : kubeconfigPath == null ? "(environment)" : kubeconfigPath)
                    + ", context=" + context + ", git="
                    + (gitPassword == null ? "none" : (secrets.contains(gitUsername) ? "****" : gitUsername) + ":****")
                    + ", environment=" + environment.keySet() + "]";
        }
    }
}
