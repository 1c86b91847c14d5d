package io.jenkins.plugins.gitops.core.source.git;

import java.util.Locale;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit away from the machine's Git setup. Without it JGit reads {@code ~/.gitconfig} and the
 * system config (an agent's {@code url.insteadOf} or {@code http.proxy} would silently change what
 * we fetch) and writes timestamp measurements into {@code ~/.config/jgit/config}. Each config it
 * asks for is an empty, memory-only one; {@code GIT_*} and {@code XDG_*} variables are hidden.
 *
 * <p>{@link SystemReader} is a per-class-loader singleton, so installing this in the plugin's class
 * loader leaves other plugins' JGit copies (the Git plugin's) untouched.
 */
final class IsolatedSystemReader extends SystemReader.Delegate {

    private static final Object LOCK = new Object();

    private IsolatedSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** Installs the isolation once; later calls, from any thread, are no-ops. */
    static void install() {
        synchronized (LOCK) {
            SystemReader current = SystemReader.getInstance();
            if (!(current instanceof IsolatedSystemReader)) {
                SystemReader.setInstance(new IsolatedSystemReader(current));
            }
        }
    }

    @Override
    public String getenv(String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        if (upper.startsWith("GIT_") || upper.startsWith("XDG_")) {
            return null;
        }
        return super.getenv(variable);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return new MemoryConfig(parent, fs);
    }

    /** A config with no file behind it: loading finds nothing, saving keeps it in memory. */
    private static final class MemoryConfig extends FileBasedConfig {

        MemoryConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // nothing on disk to read, by design
        }

        @Override
        public void save() {
            // never written to disk, by design
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public String toString() {
            return "IsolatedSystemReader.MemoryConfig";
        }
    }
}
