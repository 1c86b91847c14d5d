package io.jenkins.plugins.gitops.core.yaml;

/**
 * A file that does not decode as Kubernetes YAML. The message names the file and, where the parser
 * knows it, the line.
 */
public class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public ManifestException(String file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The file, as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
