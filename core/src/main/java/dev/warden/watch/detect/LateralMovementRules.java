package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link LateralMovementDetector}, read from {@code content/rules/lateral-movement.yaml}
 * (documented there). Every field has a default; an unknown field or a value out of range is an error naming the
 * file and the field.
 *
 * @param adminPorts ports of remote administration and file sharing whose use towards LAN hosts counts
 * @param minTargets distinct unusual LAN targets within one window that make lateral movement
 * @param windowNanos the window, opened by a device's first unusual admin connection
 * @param suppressNanos after an alert, no new alert for the same device for this long
 * @param severity severity of a lateral-movement alert
 * @param maxHosts devices tracked at once; the least recently seen is dropped beyond (counted)
 * @param peerSample targets listed in an alert
 */
public record LateralMovementRules(Set<Integer> adminPorts, int minTargets, long windowNanos, long suppressNanos,
                                   Severity severity, int maxHosts, int peerSample) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "lateral-movement.yaml";

    public LateralMovementRules {
        adminPorts = Set.copyOf(adminPorts);
    }

    /** The file as written: every field optional. */
    private record Spec(List<Integer> adminPorts, Integer minTargets, Integer windowSeconds, Integer suppressSeconds,
                        String severity, Integer maxHosts, Integer peerSample) {
    }

    /** The rules shipped with Warden. */
    public static LateralMovementRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code lateral-movement.yaml} from {@code rules}. */
    public static LateralMovementRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static LateralMovementRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null);
        }
        return new LateralMovementRules(RuleFields.ports(source, "adminPorts", s.adminPorts(),
                List.of(22, 23, 2323, 139, 445, 3389, 5900, 80, 443, 8080, 8443)),
                RuleFields.atLeast(source, "minTargets", s.minTargets(), 5, 1),
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 600, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH),
                RuleFields.atLeast(source, "maxHosts", s.maxHosts(), 10_000, 1),
                RuleFields.atLeast(source, "peerSample", s.peerSample(), 10, 0));
    }
}
