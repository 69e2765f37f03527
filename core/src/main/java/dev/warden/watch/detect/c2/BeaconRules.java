package dev.warden.watch.detect.c2;

import dev.warden.model.Severity;
import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.detect.RuleSource;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link BeaconDetector}, read from {@code content/rules/c2-beacon.yaml} (documented there, with
 * the trade-off against benign heartbeats). Every field has a default; an unknown field or a value out of range is
 * an error naming the file and the field.
 *
 * @param minFlows flows to one remote server and port before their rhythm is judged
 * @param samples the most recent flows per host, server and port that are judged (a sliding window)
 * @param maxJitter largest median absolute deviation of the gaps between flow starts, as a share of the median gap
 * @param minIntervalNanos shortest median gap that counts (faster is a retry loop or a session, not a beacon)
 * @param maxIntervalNanos longest median gap that counts
 * @param maxClientBytes largest median of the bytes the host sends per flow (beacons are small)
 * @param maxSizeJitter largest median absolute deviation of those bytes, as a share of their median
 * @param ignorePorts server ports whose periodic traffic is ordinary housekeeping (DNS, NTP, DHCP, discovery...)
 * @param suppressNanos no second alert for the same host, server and port for this long
 * @param maxPairs host-server-port series tracked at once; the least recently used is dropped beyond (counted)
 * @param severity severity of the alert
 */
public record BeaconRules(int minFlows, int samples, double maxJitter, long minIntervalNanos, long maxIntervalNanos,
                          long maxClientBytes, double maxSizeJitter, Set<Integer> ignorePorts, long suppressNanos,
                          int maxPairs, Severity severity) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "c2-beacon.yaml";

    public BeaconRules {
        ignorePorts = Set.copyOf(ignorePorts);
    }

    /** The file as written: every field optional. */
    private record Spec(Integer minFlows, Integer samples, Double maxJitter, Integer minIntervalSeconds,
                        Integer maxIntervalSeconds, Long maxClientBytes, Double maxSizeJitter,
                        List<Integer> ignorePorts, Integer suppressSeconds, Integer maxPairs, String severity) {
    }

    /** The rules shipped with Warden. */
    public static BeaconRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code c2-beacon.yaml} from {@code rules}. */
    public static BeaconRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static BeaconRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null, null);
        }
        int minFlows = RuleFields.atLeast(source, "minFlows", s.minFlows(), 8, 4);
        return new BeaconRules(minFlows,
                RuleFields.atLeast(source, "samples", s.samples(), Math.max(32, minFlows), minFlows),
                RuleFields.share(source, "maxJitter", s.maxJitter(), 0.1),
                RuleFields.atLeast(source, "minIntervalSeconds", s.minIntervalSeconds(), 10, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxIntervalSeconds", s.maxIntervalSeconds(), 86_400, 1)
                        * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxClientBytes", s.maxClientBytes(), 4096L, 1L),
                RuleFields.share(source, "maxSizeJitter", s.maxSizeJitter(), 0.25),
                RuleFields.ports(source, "ignorePorts", s.ignorePorts(), List.of(53, 67, 68, 80, 123, 137, 138, 443, 1883,
                        1900, 5222, 5223, 5353, 8080, 8443, 8883)),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 86_400, 0) * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxPairs", s.maxPairs(), 20_000, 1),
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH));
    }
}
