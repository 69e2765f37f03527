package dev.warden.data;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Errors in Warden's data files (profiles, lab files, fingerprints, checks) as one line in the file's own terms.
 * Jackson's messages run over several lines and name Java classes; an author needs file, line, field and what.
 */
public final class DataFileErrors {
    private DataFileErrors() {
    }

    /** {@code source[:line] [at a.b[2].c]: what}. */
    public static String describe(String source, JacksonException e) {
        StringBuilder msg = new StringBuilder(source);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            msg.append(':').append(e.getLocation().getLineNr());
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            msg.append(" at ").append(path);
        }
        String what = e instanceof UnrecognizedPropertyException u ? "unknown field '" + u.getPropertyName() + "'"
                : String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return msg.append(": ").append(what).toString();
    }
}
