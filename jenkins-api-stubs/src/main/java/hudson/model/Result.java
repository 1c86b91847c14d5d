package hudson.model;

import java.io.Serializable;

// Stub of Jenkins 2.479.3 (a selection of members). The constants are distinct objects so that test
// doubles can tell them apart; they are not compile-time constants, so plugins read the real fields.
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result();
    public static final Result UNSTABLE = new Result();
    public static final Result FAILURE = new Result();
    public static final Result NOT_BUILT = new Result();
    public static final Result ABORTED = new Result();

    private Result() {}

    public Result combine(Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public static Result combine(Result r1, Result r2) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isWorseOrEqualTo(Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBetterThan(Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public static Result fromString(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
