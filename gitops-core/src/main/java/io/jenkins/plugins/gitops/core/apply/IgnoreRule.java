package io.jenkins.plugins.gitops.core.apply;

import java.util.List;
import java.util.Objects;

/**
 * Fields left out of drift detection, as Flux's {@code spec.ignore}: RFC 6901 JSON pointers such as
 * {@code /spec/replicas}, removed from both the live and the desired object of every object the
 * target matches before they are compared.
 *
 * @param paths JSON pointers
 * @param target which objects the rule is for; {@link TargetSelector#ALL} for every object
 */
public record IgnoreRule(List<String> paths, TargetSelector target) {

    public IgnoreRule {
        paths = List.copyOf(paths);
        Objects.requireNonNull(target, "target");
        for (String path : paths) {
            JsonPointer.parse(path);
        }
    }

    public static IgnoreRule of(String... paths) {
        return new IgnoreRule(List.of(paths), TargetSelector.ALL);
    }

    public IgnoreRule forTarget(TargetSelector value) {
        return new IgnoreRule(paths, value);
    }
}
