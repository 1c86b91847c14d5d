package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.source.SourceUrls;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of one step or build step, whichever it is. Serializable so that a waiting
 * step's execution can keep them across a controller restart; holds credential ids, never secrets.
 *
 * <p>A plain final class, not a record: step executions keep it in Pipeline's {@code program.dat},
 * written by JBoss Marshalling River, whose support for records came late and had bugs with
 * non-primitive components; the plugin cannot choose the workflow-support version users have. The
 * lists are kept as {@link ArrayList}s, which every serializer handles the same way (not {@code
 * List.of}'s JDK-internal classes), and handed out unmodifiable.
 */
public final class RunSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Operation operation;
    private final String path;
    private final String repository;
    private final String ref;
    private final String kubeconfigCredentialsId;
    private final String context;
    private final String gitCredentialsId;
    private final ArrayList<String> units;
    private final ArrayList<String> objects;
    private final Boolean prune;
    private final boolean dryRun;
    private final long timeoutSeconds;
    private final int parallelism;
    private final String fleet;
    private final String failOn;
    private final boolean correct;

    /**
     * @param timeoutSeconds 0 means the global default
     * @param parallelism 0 means the global default
     * @param fleet empty means derived from repository and path
     * @param failOn {@code FAILURE} or {@code UNSTABLE}: what a failed unit does to the build
     */
    public RunSettings(
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
            boolean correct) {
        this.operation = operation;
        this.path = blankToEmpty(path);
        this.repository = blankToEmpty(repository);
        this.ref = blankToEmpty(ref);
        this.kubeconfigCredentialsId = blankToEmpty(kubeconfigCredentialsId);
        this.context = blankToEmpty(context);
        this.gitCredentialsId = blankToEmpty(gitCredentialsId);
        this.units = trimmed(units);
        this.objects = trimmed(objects);
        this.prune = prune;
        this.dryRun = dryRun;
        this.timeoutSeconds = timeoutSeconds;
        this.parallelism = parallelism;
        this.fleet = blankToEmpty(fleet);
        this.failOn = failOn(failOn);
        this.correct = correct;
    }

    private static ArrayList<String> trimmed(List<String> values) {
        ArrayList<String> list = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String t = blankToEmpty(v);
                if (!t.isEmpty()) {
                    list.add(t);
                }
            }
        }
        return list;
    }

    public Operation operation() {
        return operation;
    }

    public String path() {
        return path;
    }

    public String repository() {
        return repository;
    }

    public String ref() {
        return ref;
    }

    public String kubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    public String context() {
        return context;
    }

    public String gitCredentialsId() {
        return gitCredentialsId;
    }

    public List<String> units() {
        return Collections.unmodifiableList(units);
    }

    public List<String> objects() {
        return Collections.unmodifiableList(objects);
    }

    public Boolean prune() {
        return prune;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    public int parallelism() {
        return parallelism;
    }

    public String fleet() {
        return fleet;
    }

    public String failOn() {
        return failOn;
    }

    public boolean correct() {
        return correct;
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

    /** Value equality over every parameter, as the record this class replaces had. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RunSettings s)) {
            return false;
        }
        return operation == s.operation
                && path.equals(s.path)
                && repository.equals(s.repository)
                && ref.equals(s.ref)
                && kubeconfigCredentialsId.equals(s.kubeconfigCredentialsId)
                && context.equals(s.context)
                && gitCredentialsId.equals(s.gitCredentialsId)
                && units.equals(s.units)
                && objects.equals(s.objects)
                && Objects.equals(prune, s.prune)
                && dryRun == s.dryRun
                && timeoutSeconds == s.timeoutSeconds
                && parallelism == s.parallelism
                && fleet.equals(s.fleet)
                && failOn.equals(s.failOn)
                && correct == s.correct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                operation,
                path,
                repository,
                ref,
                kubeconfigCredentialsId,
                context,
                gitCredentialsId,
                units,
                objects,
                prune,
                dryRun,
                timeoutSeconds,
                parallelism,
                fleet,
                failOn,
                correct);
    }

    /**
     * Credential ids are names, not secrets, and are shown; a repository URL is shown without its
     * user info, which may hold a token ({@code https://bot:token@host/...}).
     */
    @Override
    public String toString() {
        return "RunSettings[operation=" + operation
                + ", path=" + path
                + ", repository=" + (repository.isEmpty() ? "" : SourceUrls.withoutUserInfo(repository))
                + ", ref=" + ref
                + ", kubeconfigCredentialsId=" + kubeconfigCredentialsId
                + ", context=" + context
                + ", gitCredentialsId=" + gitCredentialsId
                + ", units=" + units
                + ", objects=" + objects
                + ", prune=" + prune
                + ", dryRun=" + dryRun
                + ", timeoutSeconds=" + timeoutSeconds
                + ", parallelism=" + parallelism
                + ", fleet=" + fleet
                + ", failOn=" + failOn
                + ", correct=" + correct
                + "]";
    }
}
