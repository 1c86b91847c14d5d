package io.jenkins.plugins.gitops.core.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.core.apply.InventoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fleet state in a JSON file, for the command line: {@code {"fleets": {name: {"units": {id:
 * {"inventory": [{"id","v"}], "lastAppliedRevision", "lastReadyRevision"}}}}}}. Several fleets may
 * share one file. Writes go to a temporary file that replaces the old one atomically.
 */
public final class JsonFileStateStore implements StateStore {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public JsonFileStateStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized FleetState load(String fleet) {
        Map<String, Object> fleetTree = readAll().get(fleet);
        if (fleetTree == null || !(fleetTree.get("units") instanceof Map<?, ?> units)) {
            return FleetState.EMPTY;
        }
        Map<String, UnitState> result = new TreeMap<>();
        units.forEach((id, raw) -> {
            if (raw instanceof Map<?, ?> unit) {
                result.put(String.valueOf(id), unitState(unit));
            }
        });
        return new FleetState(result);
    }

    private static UnitState unitState(Map<?, ?> unit) {
        List<InventoryEntry> inventory = new ArrayList<>();
        if (unit.get("inventory") instanceof List<?> entries) {
            for (Object e : entries) {
                if (e instanceof Map<?, ?> entry) {
                    inventory.add(new InventoryEntry(String.valueOf(entry.get("id")), String.valueOf(entry.get("v"))));
                }
            }
        }
        return new UnitState(inventory, text(unit.get("lastAppliedRevision")), text(unit.get("lastReadyRevision")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public synchronized void save(String fleet, FleetState state) {
        Map<String, Map<String, Object>> all = readAll();
        Map<String, Object> units = new TreeMap<>();
        state.units().forEach((id, unit) -> {
            Map<String, Object> u = new LinkedHashMap<>();
            List<Map<String, String>> inventory = new ArrayList<>();
            for (InventoryEntry e : unit.inventory()) {
                inventory.add(Map.of("id", e.id(), "v", e.v()));
            }
            u.put("inventory", inventory);
            u.put("lastAppliedRevision", unit.lastAppliedRevision());
            u.put("lastReadyRevision", unit.lastReadyRevision());
            units.put(id, u);
        });
        all.put(fleet, Map.of("units", units));
        write(Map.of("fleets", all));
    }

    private Map<String, Map<String, Object>> readAll() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            Map<String, Map<String, Map<String, Object>>> root =
                    MAPPER.readValue(file.toFile(), new TypeReference<>() {});
            Map<String, Map<String, Object>> fleets = root.get("fleets");
            return fleets == null ? new TreeMap<>() : new TreeMap<>(fleets);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the state file " + file + ": " + e.getMessage()
                            + " — fix or remove it (the next apply then prunes nothing it did not apply itself)",
                    e);
        }
    }

    private void write(Object tree) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null) {
                throw new IOException("it names no file in a folder");
            }
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".gitops-state-", ".json");
            MAPPER.writeValue(temp.toFile(), tree);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }
}
