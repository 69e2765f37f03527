package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a detector concluded about one host, with the evidence a person needs to check it.
 *
 * @param tsNanos traffic time of the event that raised it, nanoseconds since the Unix epoch
 * @param host the address the alert is about (the suspected infected device)
 * @param kind what was seen, e.g. {@code scan}
 * @param peers a bounded sample of the other ends (targets of a scan), in the order seen
 * @param evidence one line of human-readable evidence
 * @param counts the figures behind the evidence by name (targets, syns, ...)
 * @param role whether {@code host} is the source of the behaviour (a suspected infected device) or its victim
 */
public record Alert(long tsNanos, String host, String kind, Severity severity, List<String> peers, String evidence,
                    Map<String, Long> counts, Role role) {

    /**
     * Which side of the behaviour {@link #host()} is on. Only {@link #SOURCE} alerts say a device is infected; a
     * {@link #VICTIM} alert says a local host is being scanned or flooded from elsewhere (worth knowing, not a
     * compromise), at {@link Severity#INFO} or {@link Severity#LOW}.
     */
    public enum Role {
        SOURCE, VICTIM;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Alert {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(role, "role");
        peers = List.copyOf(peers);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** An alert about the source of the behaviour. */
    public Alert(long tsNanos, String host, String kind, Severity severity, List<String> peers, String evidence,
                 Map<String, Long> counts) {
        this(tsNanos, host, kind, severity, peers, evidence, counts, Role.SOURCE);
    }

    public Instant ts() {
        return Instant.ofEpochSecond(0, tsNanos);
    }
}
