package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link ScanDetector}, read from {@code content/rules/scan.yaml} (documented there). Every field
 * has a default, so a file need only name what it changes; an unknown field or a value out of range is an error
 * naming the file and the field.
 *
 * @param ports destination ports whose probing counts: telnet and the ports of Mirai-family exploit scans
 * @param minTargets distinct destination addresses on those ports, within one window, that make a scan
 * @param windowNanos the window, opened by a host's first probe
 * @param suppressNanos after an alert, no new alert for the same host for this long
 * @param miraiShare share of a host's SYNs with {@code seq == destination} that names Mirai's scanner in the alert
 * @param severity severity of a scan alert
 * @param miraiSeverity severity when Mirai's SYN signature is present
 * @param maxHosts scanning hosts tracked at once; the least recently seen is dropped beyond (counted)
 * @param peerSample targets listed in an alert
 * @param minPorts distinct ports a host sends half-open SYNs to, within one window, that make a port scan (0: off)
 */
public record ScanRules(Set<Integer> ports, int minTargets, long windowNanos, long suppressNanos, double miraiShare,
                        Severity severity, Severity miraiSeverity, int maxHosts, int peerSample, int minPorts) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "scan.yaml";

    public ScanRules {
        ports = Set.copyOf(ports);
    }

    /** The file as written: every field optional. */
    private record Spec(List<Integer> ports, Integer minTargets, Integer windowSeconds, Integer suppressSeconds,
                        Double miraiShare, String severity, String miraiSeverity, Integer maxHosts, Integer peerSample,
                        Integer minPorts) {
    }

    /** The rules shipped with Warden. */
    public static ScanRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code scan.yaml} from {@code rules}. */
    public static ScanRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static ScanRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null);
        }
        return new ScanRules(RuleFields.ports(source, "ports", s.ports(), List.of(23, 2323)),
                RuleFields.atLeast(source, "minTargets", s.minTargets(), 64, 2),
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 60, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.share(source, "miraiShare", s.miraiShare(), 0.5),
                RuleFields.severity(source, "severity", s.severity(), Severity.MEDIUM),
                RuleFields.severity(source, "miraiSeverity", s.miraiSeverity(), Severity.HIGH),
                RuleFields.atLeast(source, "maxHosts", s.maxHosts(), 10_000, 1),
                RuleFields.atLeast(source, "peerSample", s.peerSample(), 10, 0),
                RuleFields.atLeast(source, "minPorts", s.minPorts(), 50, 0));
    }
}
