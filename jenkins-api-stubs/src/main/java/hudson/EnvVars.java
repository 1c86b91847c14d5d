package hudson;

import java.util.Map;
import java.util.TreeMap;

// Stub of Jenkins 2.479.3 (curated members; the constructors fill the map so tests can build one).
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {}

    public EnvVars(Map<String, String> m) {
        super(m);
    }

    public EnvVars(EnvVars m) {
        super(m);
    }

    public EnvVars(String... keyValuePairs) {
        for (int i = 0; i + 1 < keyValuePairs.length; i += 2) {
            super.put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars overrideAll(Map<String, String> all) {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars overrideExpandingAll(Map<String, String> all) {
        throw new UnsupportedOperationException("stub");
    }

    public String get(String key, String defaultValue) {
        throw new UnsupportedOperationException("stub");
    }

    public void putIfNotNull(String key, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
