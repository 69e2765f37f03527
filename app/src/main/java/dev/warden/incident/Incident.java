package dev.warden.incident;

import dev.warden.model.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One device's run of alerts: from the first to the last, how many, of which kinds, the worst severity, and whether it
 * is still open (more alerts join it) or closed (the device went quiet for the folding gap and a later alert opened a
 * new incident). Times are traffic times in nanoseconds since the Unix epoch.
 */
public record Incident(long id, String host, long firstSeenNanos, long lastSeenNanos, long alerts, List<String> kinds,
                       Severity maxSeverity, Status status) {
    public Incident {
        kinds = List.copyOf(kinds);
    }

    /** Whether alerts still join the incident. */
    public enum Status {
        OPEN, CLOSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Instant firstSeen() {
        return Instant.ofEpochSecond(0, firstSeenNanos);
    }

    public Instant lastSeen() {
        return Instant.ofEpochSecond(0, lastSeenNanos);
    }
}
