package dev.warden.evidence;

import java.util.Objects;

/**
 * One fact discovery saw on a host: a key from the evidence vocabulary ({@link EvidenceKeys}), the port it came
 * from (0 for host-wide facts such as WS-Discovery scopes) and the value as seen (trimmed, bounded in length).
 */
public record Observation(String key, int port, String value) {
    /** Longest value kept; a device may send megabytes of banner, a fingerprint needs the first few KB. */
    public static final int MAX_VALUE = 4096;

    public Observation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
    }
}
