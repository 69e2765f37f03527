package dev.warden.advise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model name that carries its hardware revision, as vendors and advisories write it ({@code C1 V3},
 * {@code FI9800P V2}), split into model and revision; NVD records the same revision in the hardware CPE's version
 * ({@code cpe:2.3:h:foscam:c1:3}).
 *
 * @param model    the model without the revision
 * @param revision the revision ({@code V3}), or null when the name carries none
 */
public record ModelRevision(String model, String revision) {
    private static final Pattern SUFFIX = Pattern.compile("^(.*\\S)\\s+([Vv]\\d{1,2})$");

    /** Splits a trailing {@code V<n>} off a model name. */
    public static ModelRevision split(String name) {
        Matcher m = SUFFIX.matcher(name.strip());
        return m.matches() ? new ModelRevision(m.group(1), m.group(2).toUpperCase(java.util.Locale.ROOT))
                : new ModelRevision(name.strip(), null);
    }
}
