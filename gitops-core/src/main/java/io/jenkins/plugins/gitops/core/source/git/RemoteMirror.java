package io.jenkins.plugins.gitops.core.source.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The bare mirror of one remote in the cache folder. The first use creates it (in a temporary
 * folder, renamed when the first fetch has succeeded, so a failed clone leaves nothing behind);
 * every later use fetches only what is new. Branches and tags are mirrored under their own names,
 * deleted ones pruned, and the mirror's {@code HEAD} follows the remote's default branch.
 *
 * <p>The URL is passed to each fetch and never written into the mirror's config, so credentials a
 * user put in the URL do not end up on disk.
 */
final class RemoteMirror {

    static final RefSpec BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");
    static final RefSpec TAGS = new RefSpec("+refs/tags/*:refs/tags/*");

    private final Path directory;
    private final String url;
    private final CredentialsProvider credentials;
    private final int timeoutSeconds;

    RemoteMirror(Path directory, String url, CredentialsProvider credentials, int timeoutSeconds) {
        this.directory = directory;
        this.url = url;
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
    }

    boolean exists() {
        return Files.isDirectory(directory.resolve("objects"));
    }

    /** Opens the mirror; the caller closes it. */
    Repository open() throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(directory.toFile())
                .setBare()
                .setMustExist(true)
                .build();
    }

    /**
     * Brings the mirror up to date with the remote's branches, tags and the extra refs, creating it
     * on first use.
     */
    void sync(List<String> extraRefs) throws IOException, GitAPIException {
        if (exists()) {
            try (Repository repo = open()) {
                fetch(repo, extraRefs);
            }
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IOException("the Git cache cannot be the file system root: " + directory);
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, ".clone-");
        try {
            try (Git git = Git.init().setBare(true).setDirectory(temp.toFile()).call()) {
                fetch(git.getRepository(), extraRefs);
            }
            Files.move(temp, directory, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            ArtifactStore.deleteTree(temp);
        }
    }

    private void fetch(Repository repo, List<String> extraRefs) throws GitAPIException, IOException {
        List<RefSpec> specs = new ArrayList<>(List.of(BRANCHES, TAGS));
        for (String ref : extraRefs) {
            specs.add(new RefSpec("+" + ref + ":" + ref));
        }
        FetchCommand fetch = Git.wrap(repo)
                .fetch()
                .setRemote(url)
                .setRefSpecs(specs)
                .setRemoveDeletedRefs(true)
                .setTagOpt(TagOpt.NO_TAGS)
                .setRecurseSubmodules(FetchRecurseSubmodulesMode.NO)
                .setProgressMonitor(new InterruptibleProgress())
                .setTimeout(timeoutSeconds);
        if (credentials != null) {
            fetch.setCredentialsProvider(credentials);
        }
        FetchResult result = fetch.call();
        followRemoteHead(repo, result);
    }

    /** Points the mirror's HEAD at the branch the remote's HEAD names (its default branch). */
    private static void followRemoteHead(Repository repo, FetchResult result) throws IOException {
        Ref head = result.getAdvertisedRef(Constants.HEAD);
        if (head == null) {
            return;
        }
        String target = null;
        if (head.isSymbolic()) {
            target = head.getTarget().getName();
        } else if (head.getObjectId() != null) {
            target = branchAt(result, head.getObjectId());
        }
        if (target != null && target.startsWith(Constants.R_HEADS)) {
            RefUpdate update = repo.updateRef(Constants.HEAD);
            update.disableRefLog();
            update.link(target);
        }
    }

    /** Without a symref from the server, guess like Git: main, then master, then the first match. */
    private static String branchAt(FetchResult result, ObjectId id) {
        String found = null;
        for (Ref r : result.getAdvertisedRefs()) {
            String name = r.getName();
            if (name.startsWith(Constants.R_HEADS) && id.equals(r.getObjectId())) {
                if (name.equals("refs/heads/main") || name.equals("refs/heads/master")) {
                    return name;
                }
                if (found == null || name.compareTo(found) < 0) {
                    found = name;
                }
            }
        }
        return found;
    }

    /** Lets an aborted Jenkins build stop a long fetch: JGit polls this between steps. */
    private static final class InterruptibleProgress extends EmptyProgressMonitor {
        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }
    }
}
