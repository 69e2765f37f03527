package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link BruteForceDetector}, read from {@code content/rules/brute-force.yaml} (documented there).
 * Every field has a default; a bad value is an error naming the file and the field.
 *
 * @param ports server ports of login services whose sessions count
 * @param minSessions short sessions from one host to one server, within one window, that make a brute force
 * @param windowNanos the window, opened by the first session
 * @param maxSessionNanos a session longer than this is a person working, not a password guess
 * @param maxSessionsPerSecond sessions per second toward one server at most: faster is a flood, not guessing
 * @param minServerPackets packets the server must have sent (SYN-ACK, prompt, answer): fewer is a scan probe
 * @param suppressNanos after an alert, no new alert for the same pair for this long
 * @param severity severity of a brute force from a local host
 * @param victimSeverity severity of a victim alert (a local server guessed at from outside), info or low
 * @param maxPairs (client, server) pairs and victims tracked at once; the least recently seen dropped beyond
 */
public record BruteForceRules(Set<Integer> ports, int minSessions, long windowNanos, long maxSessionNanos,
                              double maxSessionsPerSecond, int minServerPackets, long suppressNanos, Severity severity, Severity victimSeverity,
                              int maxPairs) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "brute-force.yaml";

    public BruteForceRules {
        ports = Set.copyOf(ports);
    }

    /** The file as written: every field optional. */
    private record Spec(List<Integer> ports, Integer minSessions, Integer windowSeconds, Integer maxSessionSeconds,
                        Double maxSessionsPerSecond, Integer minServerPackets, Integer suppressSeconds, String severity, String victimSeverity,
                        Integer maxPairs) {
    }

    /** The rules shipped with Warden. */
    public static BruteForceRules load() {
        return load(RuleSource.classpath());
    }

    public static BruteForceRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static BruteForceRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null);
        }
        Severity victim = RuleFields.victimSeverity(source, "victimSeverity", s.victimSeverity(), Severity.LOW);
        return new BruteForceRules(RuleFields.ports(source, "ports", s.ports(), List.of(23, 2323, 22)),
                RuleFields.atLeast(source, "minSessions", s.minSessions(), 20, 2),
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 60, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxSessionSeconds", s.maxSessionSeconds(), 30, 1) * RuleFields.SECOND,
                RuleFields.positive(source, "maxSessionsPerSecond", s.maxSessionsPerSecond(), 5),
                RuleFields.atLeast(source, "minServerPackets", s.minServerPackets(), 3, 1),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH), victim,
                RuleFields.atLeast(source, "maxPairs", s.maxPairs(), 10_000, 1));
    }
}
