package hudson.util;

import java.io.Serializable;

// Stub of Jenkins 2.479.3 (a selection of members).
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {}

    public String getPlainText() {
        throw new UnsupportedOperationException("stub");
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException("stub");
    }

    public static Secret decrypt(String data) {
        throw new UnsupportedOperationException("stub");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("stub");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean equals(Object that) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("stub");
    }
}
