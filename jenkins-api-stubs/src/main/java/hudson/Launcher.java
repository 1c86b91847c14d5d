package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

// Stub of Jenkins 2.479.3 (curated type; process launching is left out: the engine does not use it).
public abstract class Launcher {
    protected Launcher(TaskListener listener, VirtualChannel channel) {}

    protected Launcher(Launcher launcher) {}

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("stub");
    }

    public TaskListener getListener() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("stub");
    }
}
