package jenkins;

// Stub of Jenkins 2.479.3.
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("stub");
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException("stub");
    }
}
