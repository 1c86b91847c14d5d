package io.jenkins.plugins.gitops.core.source.git;

import io.jenkins.plugins.gitops.core.source.GitCredentials;
import io.jenkins.plugins.gitops.core.source.GitRef;
import io.jenkins.plugins.gitops.core.source.GitSourceSpec;
import io.jenkins.plugins.gitops.core.source.SourceException;
import io.jenkins.plugins.gitops.core.source.SourceUrls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;

/**
 * Builds the {@link SourceException}s of one source: subject, URL and ref, cause and hint, and never
 * a secret. URLs lose their user-info part; the password, if one was given, is masked wherever a
 * library message repeats it, and a cause whose text still holds it is left off.
 */
final class SourceErrors {

    private final String subject;
    private final String url;
    private final String password;

    SourceErrors(GitSourceSpec spec) {
        this.subject = spec.id() == null || spec.id().isBlank() ? "GitRepository" : "GitRepository " + spec.id();
        this.url = stripUserInfo(spec.url());
        GitCredentials credentials = spec.credentials();
        this.password = credentials == null ? null : credentials.password();
    }

    static String stripUserInfo(String text) {
        return SourceUrls.withoutUserInfo(text);
    }

    String url() {
        return url;
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = stripUserInfo(text);
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "****");
        }
        return out;
    }

    SourceException refNotFound(GitRef ref) {
        return new SourceException(
                subject + ": ref '" + ref.describe() + "' not found in " + url + " — check spec.ref");
    }

    SourceException noSemverMatch(String range, java.util.Collection<String> tags) {
        String seen = tags.isEmpty()
                ? "no tags"
                : "tags: " + String.join(", ", tags.stream().limit(10).toList()) + (tags.size() > 10 ? ", …" : "");
        return new SourceException(subject + ": no tag in " + url + " matches semver '" + range + "' (" + seen
                + ") — check spec.ref.semver");
    }

    SourceException badSemver(String range, IllegalArgumentException e) {
        return new SourceException(subject + ": invalid semver range '" + range + "': " + e.getMessage()
                + " — check spec.ref.semver (e.g. '>=1.0.0 <2.0.0')");
    }

    SourceException badCommit(String commit) {
        return new SourceException(subject + ": ref 'commit " + commit + "' is not a full 40-character SHA-1 — check"
                + " spec.ref.commit");
    }

    SourceException commitNotOnBranch(String commit, String branch) {
        return new SourceException(subject + ": commit " + commit + " is not on branch " + branch + " in " + url
                + " — check spec.ref.commit and spec.ref.branch");
    }

    SourceException badName(String name) {
        return new SourceException(subject + ": ref 'ref " + name
                + "' is not a full ref name such as refs/heads/main — check spec.ref.name");
    }

    SourceException noDefaultBranch() {
        return new SourceException(subject + ": " + url + " has no default branch (empty repository?) — set"
                + " spec.ref.branch or push a commit");
    }

    SourceException emptyUrl() {
        return new SourceException(subject + ": spec.url is empty — set the URL of the Git repository");
    }

    /** A failure talking to the remote: interrupted, refused credentials, or unreachable. */
    SourceException remote(Exception e) {
        if (restoreInterrupt(e)) {
            return interrupted();
        }
        String detail = redact(rootMessage(e));
        String lower = chainText(e).toLowerCase(Locale.ROOT);
        String message;
        if (lower.contains("not authorized")
                || lower.contains("authentication")
                || lower.contains(" 401")
                || lower.contains(" 403")) {
            message = subject + ": authentication refused by " + url + " (" + detail + ") — check the credentials"
                    + " (user name and token) given for this source";
        } else {
            message = subject + ": cannot fetch from " + url + " (" + detail + ") — check spec.url, network access"
                    + " and that the repository exists";
        }
        return withSafeCause(message, e);
    }

    SourceException io(String verb, IOException e) {
        if (restoreInterrupt(e)) {
            return interrupted();
        }
        return withSafeCause(subject + ": " + verb + " failed for " + url + " (" + redact(rootMessage(e)) + ")", e);
    }

    SourceException interrupted() {
        return new SourceException(subject + ": fetching " + url + " was interrupted");
    }

    /** Sets the thread's interrupt flag again when the failure came from an interrupt. */
    static boolean restoreInterrupt(Throwable e) {
        boolean interrupted = Thread.currentThread().isInterrupted();
        for (Throwable t = e; t != null && !interrupted; t = t.getCause()) {
            interrupted = t instanceof InterruptedException
                    || t instanceof ClosedByInterruptException
                    || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }

    private SourceException withSafeCause(String message, Exception cause) {
        String all = chainText(cause);
        boolean leaks = !redact(all).equals(all);
        return leaks ? new SourceException(message) : new SourceException(message, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        String message = e.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null) {
                message = root.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String chainText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
