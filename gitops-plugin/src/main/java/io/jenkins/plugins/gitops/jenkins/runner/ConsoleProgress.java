package io.jenkins.plugins.gitops.jenkins.runner;

import io.jenkins.plugins.gitops.core.model.SecretRedactor;
import io.jenkins.plugins.gitops.core.reconcile.Event;
import io.jenkins.plugins.gitops.core.reconcile.ProgressListener;
import java.io.PrintStream;

/**
 * Streams the engine's events to the build console as they happen, one line each, with every
 * registered secret value masked. Thread-safe: units of one wave report from several threads.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final SecretRedactor redactor;

    ConsoleProgress(PrintStream out, SecretRedactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    @Override
    public void onEvent(Event event) {
        String unit = event.unit() == null || event.unit().isBlank() ? "" : event.unit() + ": ";
        String marker = "Warning".equals(event.severity()) ? "[gitops] WARNING " : "[gitops] ";
        String reason = event.reason() == null || event.reason().isBlank() ? "" : event.reason() + " - ";
        println(marker + unit + reason + event.message());
    }

    /** Prints one line, masked. */
    synchronized void println(String line) {
        out.println(redactor.redact(line));
        out.flush();
    }
}
