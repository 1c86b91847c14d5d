package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The YAML fixtures under {@code src/test/resources/health}. */
final class Fixtures {

    /** The instant the fixtures are looked at (their pods were created at midnight). */
    static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");

    private Fixtures() {}

    static Manifest load(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/health/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return Yaml.readManifests(new String(in.readAllBytes(), StandardCharsets.UTF_8), file)
                    .get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
