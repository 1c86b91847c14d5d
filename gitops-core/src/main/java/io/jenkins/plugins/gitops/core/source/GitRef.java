package io.jenkins.plugins.gitops.core.source;

/**
 * The {@code spec.ref} of a Flux {@code GitRepository}. Flux's precedence applies when several are
 * set: commit, then name, then semver, then tag, then branch; none means the remote's default branch.
 */
public record GitRef(String branch, String tag, String semver, String commit, String name) {

    public static GitRef defaultBranch() {
        return new GitRef(null, null, null, null, null);
    }

    public static GitRef ofBranch(String branch) {
        return new GitRef(branch, null, null, null, null);
    }

    public static GitRef ofTag(String tag) {
        return new GitRef(null, tag, null, null, null);
    }

    public static GitRef ofSemver(String range) {
        return new GitRef(null, null, range, null, null);
    }

    public static GitRef ofCommit(String sha) {
        return new GitRef(null, null, null, sha, null);
    }

    /**
     * Reads a ref given on the command line: {@code branch:main}, {@code tag:v1}, {@code
     * semver:>=1.0}, {@code commit:<sha>}, {@code refs/...}, a 40-hex commit, or a plain branch
     * name.
     */
    public static GitRef parse(String text) {
        if (text == null || text.isBlank()) {
            return defaultBranch();
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon > 0) {
            String kind = t.substring(0, colon);
            String value = t.substring(colon + 1);
            switch (kind) {
                case "branch":
                    return ofBranch(value);
                case "tag":
                    return ofTag(value);
                case "semver":
                    return ofSemver(value);
                case "commit":
                    return ofCommit(value);
                default:
                    break;
            }
        }
        if (t.startsWith("refs/")) {
            return new GitRef(null, null, null, null, t);
        }
        if (t.matches("[0-9a-f]{40}")) {
            return ofCommit(t);
        }
        return ofBranch(t);
    }

    /** A short human description, e.g. {@code branch main}. */
    public String describe() {
        if (commit != null) {
            return "commit " + commit;
        }
        if (name != null) {
            return "ref " + name;
        }
        if (semver != null) {
            return "semver " + semver;
        }
        if (tag != null) {
            return "tag " + tag;
        }
        if (branch != null) {
            return "branch " + branch;
        }
        return "default branch";
    }
}
