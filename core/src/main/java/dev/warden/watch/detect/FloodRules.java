package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds of {@link FloodDetector}, read from {@code content/rules/flood.yaml} (documented there). Every field
 * has a default; an unknown field or a value out of range is an error naming the file and the field.
 *
 * @param windowNanos the tumbling window over which a rate is averaged
 * @param pps per kind, the average packets (HTTP: requests) per second toward one victim that make a flood
 * @param synShare share of a source's TCP packets to the victim that must be bare SYNs (handshakes not completed)
 * @param ackMinConnections distinct connections (port pairs) without a handshake an ACK flood must spread over
 * @param maxReplyShare UDP and GRE: packets back from the victim per packet sent, at most (a flood gets no answers)
 * @param httpPorts server ports whose short TCP flows count as HTTP requests in flow-only input
 * @param httpShortFlowNanos a flow to an HTTP port shorter than this counts as one request (flow-only input)
 * @param victimMinSources distinct remote sources a flood toward a local host must come from to call it a victim
 * @param suppressNanos after an alert, no new alert for the same source, victim and kind for this long
 * @param severity severity of a flood from a local host
 * @param victimSeverity severity of a victim alert, {@code info} or {@code low}
 * @param maxPairs (source, victim) pairs and victims tracked at once; least recently seen dropped beyond (counted)
 * @param peerSample sources listed in a victim alert
 */
public record FloodRules(long windowNanos, Map<FloodKind, Double> pps, double synShare, int ackMinConnections,
                         double maxReplyShare, Set<Integer> httpPorts, long httpShortFlowNanos, int victimMinSources,
                         long suppressNanos, Severity severity, Severity victimSeverity, int maxPairs,
                         int peerSample) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "flood.yaml";

    public FloodRules {
        pps = Map.copyOf(pps);
        httpPorts = Set.copyOf(httpPorts);
    }

    /** The file as written: every field optional. */
    private record Spec(Integer windowSeconds, Double synPps, Double synShare, Double ackPps, Integer ackMinConnections,
                        Double udpPps, Double grePps, Double httpRequestsPerSecond, Double maxReplyShare,
                        List<Integer> httpPorts, Integer httpShortFlowSeconds, Integer victimMinSources,
                        Integer suppressSeconds, String severity, String victimSeverity, Integer maxPairs,
                        Integer peerSample) {
    }

    /** The rules shipped with Warden. */
    public static FloodRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code flood.yaml} from {@code rules}. */
    public static FloodRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static FloodRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }
        Map<FloodKind, Double> pps = new EnumMap<>(FloodKind.class);
        pps.put(FloodKind.SYN, RuleFields.positive(source, "synPps", s.synPps(), 100));
        pps.put(FloodKind.ACK, RuleFields.positive(source, "ackPps", s.ackPps(), 500));
        pps.put(FloodKind.UDP, RuleFields.positive(source, "udpPps", s.udpPps(), 2000));
        pps.put(FloodKind.GRE, RuleFields.positive(source, "grePps", s.grePps(), 500));
        pps.put(FloodKind.HTTP, RuleFields.positive(source, "httpRequestsPerSecond", s.httpRequestsPerSecond(), 20));
        Severity victim = RuleFields.victimSeverity(source, "victimSeverity", s.victimSeverity(), Severity.LOW);
        return new FloodRules(
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 10, 1) * RuleFields.SECOND, pps,
                RuleFields.share(source, "synShare", s.synShare(), 0.5),
                RuleFields.atLeast(source, "ackMinConnections", s.ackMinConnections(), 64, 1),
                RuleFields.share(source, "maxReplyShare", s.maxReplyShare(), 0.1),
                RuleFields.ports(source, "httpPorts", s.httpPorts(), List.of(80, 8080, 8000, 8081)),
                RuleFields.atLeast(source, "httpShortFlowSeconds", s.httpShortFlowSeconds(), 5, 1)
                        * RuleFields.SECOND,
                RuleFields.atLeast(source, "victimMinSources", s.victimMinSources(), 10, 1),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH), victim,
                RuleFields.atLeast(source, "maxPairs", s.maxPairs(), 10_000, 1),
                RuleFields.atLeast(source, "peerSample", s.peerSample(), 10, 0));
    }

    /** The packets (HTTP: requests) within one window that make a flood of {@code kind}. */
    public long windowCount(FloodKind kind) {
        return Math.max(1, (long) Math.ceil(pps.get(kind) * windowNanos / RuleFields.SECOND));
    }
}
