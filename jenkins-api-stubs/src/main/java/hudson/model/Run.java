package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.security.access.AccessDeniedException;

// Stub of Jenkins 2.479.3 (curated type). The type parameters and their bounds are the real ones:
// they decide the erased signatures (getParent() returns Job, getPreviousBuild() returns Run).
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, AccessControlled {
    protected Run(JobT job) throws IOException {}

    protected Run(JobT job, long timestamp) {}

    protected void onLoad() {
        throw new UnsupportedOperationException("stub");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stub");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stub");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stub");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("stub");
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("stub");
    }

    public String getDescription() {
        throw new UnsupportedOperationException("stub");
    }

    public long getDuration() {
        throw new UnsupportedOperationException("stub");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public final RunT getPreviousCompletedBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getPreviousSuccessfulBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public RunT getNextBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("stub");
    }

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    public InputStream getLogInputStream() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public void setDescription(String description) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("stub");
    }

    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("stub");
    }
}
