package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.source.SourceUrls;
import java.io.Serializable;
import java.util.List;

/**
 * The parameters of one step or build step, whichever it is. Serializable so that a waiting
 * step's execution can keep them across a controller restart; holds credential ids, never secrets.
 *
 * @param timeoutSeconds 0 means the global default
 * @param parallelism 0 means the global default
 * @param fleet empty means derived from repository and path
 * @param failOn {@code FAILURE} or {@code UNSTABLE}: what a failed unit does to the build
 */
public record RunSettings(
        Operation operation,
        String path,
        String repository,
        String ref,
        String kubeconfigCredentialsId,
        String context,
        String gitCredentialsId,
        List<String> units,
        List<String> objects,
        Boolean prune,
        boolean dryRun,
        long timeoutSeconds,
        int parallelism,
        String fleet,
        String failOn,
        boolean correct)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunSettings {
        path = blankToEmpty(path);
        repository = blankToEmpty(repository);
        ref = blankToEmpty(ref);
        kubeconfigCredentialsId = blankToEmpty(kubeconfigCredentialsId);
        context = blankToEmpty(context);
        gitCredentialsId = blankToEmpty(gitCredentialsId);
        units = units == null
                ? List.of()
                : units.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        objects = objects == null
                ? List.of()
                : objects.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        fleet = blankToEmpty(fleet);
        failOn = failOn(failOn);
    }

    /** A text parameter as steps and builders keep it: trimmed, never null. */
    public static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    /** {@code UNSTABLE} when asked for (in any case), otherwise {@code FAILURE}. */
    public static String failOn(String value) {
        return "UNSTABLE".equalsIgnoreCase(blankToEmpty(value)) ? "UNSTABLE" : "FAILURE";
    }

    /**
     * The fleet's name: the given one, else {@code <repository or "workspace">#<path>} as the engine
     * derives it, so builds of one job that apply the same path share their state.
     */
    public String fleetName() {
        if (!fleet.isEmpty()) {
            return fleet;
        }
        String p = (path.isEmpty() ? "." : path).replaceFirst("^\\./", "").replaceAll("/+$", "");
        // The name is stored in build.xml and names folders: never with the URL's credentials.
        String repo = repository.isEmpty()
                ? "workspace"
                : SourceUrls.withoutUserInfo(repository).replaceAll("/+$", "");
        return repo + "#" + (p.isEmpty() ? "." : p);
    }

    /** Splits a comma- or newline-separated list, as freestyle forms and Pipeline strings give it. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split("[,\\n]")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
