package io.jenkins.plugins.gitops.jenkins.doubles;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A console kept in memory. Serializable as TaskListener must be; its stream is not sent anywhere. */
public final class FakeListener implements TaskListener {

    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return out;
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
