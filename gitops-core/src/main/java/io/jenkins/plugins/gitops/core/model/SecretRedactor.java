package io.jenkins.plugins.gitops.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces known secret values with {@link SecretMask#MASK} in any text about to leave the engine:
 * log lines, events, messages, diffs, reports. Values read from Secrets (for {@code
 * substituteFrom}, for instance) are registered as they are read; every output passes through
 * {@link #redact(String)}. Values shorter than {@link #MIN_LENGTH} characters are not registered:
 * masking every {@code "1"} in a report would hide more than it protects, so such values are
 * kept out of outputs by not writing object contents at all.
 */
public final class SecretRedactor {

    /** Shorter values are not worth masking as free text. */
    public static final int MIN_LENGTH = 4;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Registers a value to hide from now on. */
    public void register(String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() >= MIN_LENGTH) {
            secrets.add(v);
        }
    }

    /** Whether anything has been registered. */
    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The text with every registered value masked; longer values first, so none leaks in part. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        List<String> ordered = secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : ordered) {
            result = result.replace(secret, SecretMask.MASK);
        }
        return result;
    }
}
