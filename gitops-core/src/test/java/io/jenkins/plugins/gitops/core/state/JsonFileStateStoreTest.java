package io.jenkins.plugins.gitops.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileStateStoreTest {

    @TempDir
    Path dir;

    private static final InventoryEntry DEPLOYMENT = new InventoryEntry("apps_web_apps_Deployment", "v1");
    private static final InventoryEntry NAMESPACE = new InventoryEntry("_apps__Namespace", "v1");

    @Test
    void shouldRoundTripSeveralFleetsInOneFile() {
        Path file = dir.resolve("nested/state.json");
        JsonFileStateStore store = new JsonFileStateStore(file);
        store.save(
                "repo#clusters/prod",
                new FleetState(Map.of(
                        "flux-system/apps",
                        new UnitState(List.of(NAMESPACE, DEPLOYMENT), "main@sha1:b", "main@sha1:a"))));
        store.save(
                "repo#clusters/staging",
                new FleetState(Map.of("flux-system/apps", new UnitState(List.of(), "main@sha1:c", null))));

        FleetState prod = new JsonFileStateStore(file).load("repo#clusters/prod");
        FleetState staging = new JsonFileStateStore(file).load("repo#clusters/staging");

        assertThat(prod.unit("flux-system/apps").orElseThrow().inventory()).containsExactly(NAMESPACE, DEPLOYMENT);
        assertThat(prod.unit("flux-system/apps").orElseThrow().lastReadyRevision())
                .isEqualTo("main@sha1:a");
        assertThat(staging.unit("flux-system/apps").orElseThrow().lastReadyRevision())
                .isNull();
        assertThat(new JsonFileStateStore(file).load("unknown")).isEqualTo(FleetState.EMPTY);
    }

    @Test
    void shouldReadBackInventoryEntriesAsObjectReferences() {
        assertThat(DEPLOYMENT.ref().apiVersion()).isEqualTo("apps/v1");
        assertThat(DEPLOYMENT.ref().toString()).isEqualTo("Deployment/apps/web");
        assertThat(NAMESPACE.ref().apiVersion()).isEqualTo("v1");
        assertThat(NAMESPACE.ref().toString()).isEqualTo("Namespace/apps");
    }

    @Test
    void shouldNameTheFileAndWhatToDoWhenItIsCorrupt() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{ not json");

        assertThatThrownBy(() -> new JsonFileStateStore(file).load("any"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("fix or remove it");
    }

    @Test
    void shouldLeaveNoTemporaryFilesBehind() throws Exception {
        JsonFileStateStore store = new JsonFileStateStore(dir.resolve("state.json"));
        store.save("f", FleetState.EMPTY);
        store.save("f", FleetState.EMPTY);

        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("state.json");
        }
    }
}
