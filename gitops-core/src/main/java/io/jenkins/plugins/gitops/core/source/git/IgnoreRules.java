package io.jenkins.plugins.gitops.core.source.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Which files source-controller leaves out of an artifact. Facts it follows (fluxcd/pkg
 * sourceignore and source-controller's archive filter):
 *
 * <ul>
 *   <li>the VCS patterns ({@code .git/}, {@code .gitignore}, {@code .gitmodules}, {@code
 *       .gitattributes}) always apply;
 *   <li>every {@code .sourceignore} in the tree adds its lines, scoped to its folder, parents before
 *       children; {@code spec.ignore} adds its lines last, scoped to the root;
 *   <li>the default exclusions (images, archives, CI files) apply <em>only when those two sources
 *       gave no pattern at all</em> — a {@code .sourceignore} or a {@code spec.ignore} replaces them;
 *   <li>the last matching pattern decides, so {@code !pattern} re-includes; a pattern on a folder
 *       covers everything below it.
 * </ul>
 *
 * Matching itself uses JGit's gitignore rules.
 */
final class IgnoreRules {

    static final String IGNORE_FILE = ".sourceignore";
    static final List<String> VCS = List.of(".git/", ".gitignore", ".gitmodules", ".gitattributes");
    static final List<String> DEFAULTS = List.of(
            "*.jpg",
            "*.jpeg",
            "*.gif",
            "*.png",
            "*.wmv",
            "*.flv",
            "*.tar.gz",
            "*.zip",
            ".github/",
            ".circleci/",
            ".travis.yml",
            ".gitlab-ci.yml",
            "appveyor.yml",
            ".drone.yml",
            "cloudbuild.yaml",
            "codeship-services.yml",
            "codeship-steps.yml",
            "**/.goreleaser.yml",
            "**/.sops.yaml",
            "**/.flux.yaml");

    private final List<ScopedRule> rules;

    private IgnoreRules(List<ScopedRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param ignoreFiles the {@code .sourceignore} contents by folder ({@code ""} for the root,
     *     else {@code a/b/}), parents before children
     * @param specIgnore {@code spec.ignore}, or null
     */
    static IgnoreRules of(Map<String, String> ignoreFiles, String specIgnore) {
        List<ScopedRule> found = new ArrayList<>();
        ignoreFiles.forEach((scope, text) -> found.addAll(read(scope, text)));
        if (specIgnore != null) {
            found.addAll(read("", specIgnore));
        }
        List<ScopedRule> all = new ArrayList<>();
        VCS.forEach(p -> all.add(new ScopedRule("", new FastIgnoreRule(p))));
        if (found.isEmpty()) {
            DEFAULTS.forEach(p -> all.add(new ScopedRule("", new FastIgnoreRule(p))));
        }
        all.addAll(found);
        return new IgnoreRules(all);
    }

    /** The folder scope of an ignore file at {@code path}: {@code ""} or {@code a/b/}. */
    static String scopeOf(String ignoreFilePath) {
        int slash = ignoreFilePath.lastIndexOf('/');
        return slash < 0 ? "" : ignoreFilePath.substring(0, slash + 1);
    }

    /** Same line rules as Flux's reader: blank lines and lines starting with {@code #} are skipped. */
    private static List<ScopedRule> read(String scope, String text) {
        List<ScopedRule> out = new ArrayList<>();
        for (String line : text.split("\\r?\\n", -1)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            try {
                out.add(new ScopedRule(scope, new FastIgnoreRule(line)));
            } catch (IllegalArgumentException unusable) {
                // Flux skips what it cannot parse as a pattern rather than failing the source.
            }
        }
        return out;
    }

    /**
     * @param path slash-separated, relative to the artifact root
     */
    boolean isIgnored(String path, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            ScopedRule r = rules.get(i);
            if (path.startsWith(r.scope) && path.length() > r.scope.length()) {
                String relative = path.substring(r.scope.length());
                if (r.rule.isMatch(relative, directory, false)) {
                    return r.rule.getResult();
                }
            }
        }
        return false;
    }

    private static final class ScopedRule {
        private final String scope;
        private final FastIgnoreRule rule;

        ScopedRule(String scope, FastIgnoreRule rule) {
            this.scope = scope;
            this.rule = rule;
        }
    }
}
