package dev.warden.advise.csaf;

import dev.warden.advise.AdvisoryException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Field access on a CSAF tree that names the JSON pointer of whatever is missing or of the wrong type. */
final class Csaf {
    private Csaf() {
    }

    /** A required string field. */
    static String text(JsonNode node, String field, String ptr, String source) throws AdvisoryException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isString()) {
            throw new AdvisoryException(source + ": " + ptr + "/" + field
                    + (v == null ? " is missing" : " must be a string"));
        }
        return v.asString();
    }

    /** An optional string field, null when absent or not a string. */
    static String optText(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The strings of an array, empty when absent; non-string entries are left out. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; array != null && array.isArray() && i < array.size(); i++) {
            if (array.get(i).isString()) {
                out.add(array.get(i).asString());
            }
        }
        return out;
    }
}
