package dev.warden.settings;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A small YAML file of named positive whole numbers under {@code content/} (due days, retry delays...): thresholds
 * are data, and a wrong file fails with its name and the field at fault rather than with a default nobody chose.
 */
public final class IntTable {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final int MAX = 10_000_000;

    private IntTable() {
    }

    /** Loads {@code resource} from the class path; every name in {@code required} must be there, no other. */
    public static Map<String, Integer> load(String resource, Set<String> required) {
        try (InputStream in = IntTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(resource, in.readNBytes(64 * 1024), required);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates; {@code source} names the file in errors. */
    public static Map<String, Integer> parse(String source, byte[] yaml, Set<String> required) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping of " + required);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!required.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + ": unknown field (expected " + required + ")");
            }
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > MAX) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + ": expected a whole number 1.." + MAX);
            }
            out.put(e.getKey(), v.asInt());
        }
        for (String r : required) {
            if (!out.containsKey(r)) {
                throw new IllegalArgumentException(source + ": " + r + ": missing");
            }
        }
        return Map.copyOf(out);
    }
}
