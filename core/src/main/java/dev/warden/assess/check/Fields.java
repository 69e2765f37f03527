package dev.warden.assess.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of one YAML mapping: typed getters that know the field's path for error messages, and a final
 * {@link #done()} that rejects fields nobody asked for, so a typo is an error rather than a silent default.
 */
final class Fields {
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    private Fields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static Fields of(String file, String path, JsonNode node) {
        Fields f = new Fields(file, path, node);
        if (node == null || !node.isObject()) {
            throw f.error(path.isEmpty() ? "(top level)" : path, "expected a mapping");
        }
        return f;
    }

    String file() {
        return file;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    CheckFormatException error(String field, String message) {
        return new CheckFormatException(file + ": " + field + ": " + message);
    }

    CheckFormatException fieldError(String field, String message) {
        return error(at(field), message);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    private JsonNode raw(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    String string(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw fieldError(field, "expected a text value");
        }
        return v.asString();
    }

    String requiredString(String field) {
        String s = string(field);
        if (s == null || s.isBlank()) {
            throw fieldError(field, "required");
        }
        return s;
    }

    Integer integer(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw fieldError(field, "expected a whole number");
        }
        return v.intValue();
    }

    Double number(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw fieldError(field, "expected a number");
        }
        return v.doubleValue();
    }

    boolean flag(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fieldError(field, "expected true or false");
        }
        return v.booleanValue();
    }

    /** A list of scalars; a single scalar is accepted as a one-element list. */
    List<String> strings(String field) {
        JsonNode v = raw(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asString());
            return out;
        }
        if (!v.isArray()) {
            throw fieldError(field, "expected a list");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode()) {
                throw fieldError(field + "[" + i + "]", "expected a text value");
            }
            out.add(v.get(i).asString());
        }
        return out;
    }

    Fields object(String field) {
        JsonNode v = raw(field);
        return v == null ? null : of(file, at(field), v);
    }

    /** A list of mappings, each read by {@code reader}. */
    <T> List<T> objects(String field, Function<Fields, T> reader) {
        JsonNode v = raw(field);
        List<T> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw fieldError(field, "expected a list");
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(reader.apply(of(file, at(field) + "[" + i + "]", v.get(i))));
        }
        return out;
    }

    /** A mapping of text to text, in file order. */
    Map<String, String> stringMap(String field) {
        JsonNode v = raw(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            throw fieldError(field, "expected a mapping");
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isValueNode()) {
                throw fieldError(field + "." + e.getKey(), "expected a text value");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    /** A regex compiled now, so a bad one fails the load; null when absent. */
    java.util.regex.Pattern pattern(String field) {
        String regex = string(field);
        if (regex == null) {
            return null;
        }
        try {
            return java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw fieldError(field, "bad regex: " + e.getDescription());
        }
    }

    /** A list of device kinds by wire name. */
    List<dev.warden.model.DeviceKind> kinds(String field) {
        List<String> names = strings(field);
        List<dev.warden.model.DeviceKind> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                out.add(dev.warden.model.DeviceKind.fromWire(names.get(i).toLowerCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw fieldError(field + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    /** Rejects any field that was not read. */
    void done() {
        for (String name : node.propertyNames()) {
            if (!read.contains(name)) {
                throw fieldError(name, "unknown field");
            }
        }
    }
}
