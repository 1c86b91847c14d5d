package hudson.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Stub of Jenkins 2.479.3 (annotate(ConsoleNote) is left out, and getCharset(),
// which is @Restricted(ProtectedExternally)). NULL is null here: it is not a
// compile-time constant, so code compiled against the stubs reads the real field at run time.
public interface TaskListener extends SerializableOnlyOverRemoting {
    TaskListener NULL = null;

    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("stub");
    }

    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("stub");
    }

    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("stub");
    }

    default PrintWriter fatalError(String format, Object... args) {
        throw new UnsupportedOperationException("stub");
    }
}
