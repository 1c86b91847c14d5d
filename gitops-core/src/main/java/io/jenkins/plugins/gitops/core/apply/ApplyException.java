package io.jenkins.plugins.gitops.core.apply;

/**
 * A staged apply or a diff that failed. For an apply, {@link #changeSet()} holds what was done
 * before the failure, so nothing applied is forgotten; the message is the first failure's.
 */
public class ApplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChangeSet changeSet;

    public ApplyException(ChangeSet changeSet) {
        super(message(changeSet));
        this.changeSet = changeSet;
    }

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
        this.changeSet = ChangeSet.empty();
    }

    /** What was applied, and every failure. */
    public ChangeSet changeSet() {
        return changeSet;
    }

    private static String message(ChangeSet changeSet) {
        int more = changeSet.failures().size() - 1;
        return changeSet.firstFailure().map(Failure::message).orElse("apply failed")
                + (more > 0 ? " (and " + more + " more failed)" : "");
    }
}
