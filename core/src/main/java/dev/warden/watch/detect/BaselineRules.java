package dev.warden.watch.detect;

import dev.warden.model.Severity;

/**
 * The thresholds of {@link BaselineDetector}, read from {@code content/rules/anomaly.yaml} (documented there). Every
 * field has a default; an unknown field or a value out of range is an error naming the file and the field.
 *
 * @param minNewDestinations remote hosts contacted for the first time within one window that are an anomaly
 * @param minNewPortFlows flows on one port first used (or first served) after learning, within one window
 * @param maxPort ports above this are ephemeral and never count as new ports
 * @param volumeFactor bytes out in the current bucket above this many times the learned largest bucket ...
 * @param minVolumeBytes ... and at least this many bytes, are a volume jump
 * @param windowNanos one alert per device per window, opened by its first new destination, port or jump
 * @param severity severity of an anomaly with one kind of novelty
 * @param severityMany severity when two or three kinds are present when the alert is raised
 * @param maxHosts devices tracked at once; the least recently seen is dropped beyond (counted)
 * @param peerSample new destinations listed in an alert
 */
public record BaselineRules(int minNewDestinations, int minNewPortFlows, int maxPort, double volumeFactor,
                            long minVolumeBytes, long windowNanos, Severity severity, Severity severityMany,
                            int maxHosts, int peerSample) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "anomaly.yaml";

    /** The file as written: every field optional. */
    private record Spec(Integer minNewDestinations, Integer minNewPortFlows, Integer maxPort, Double volumeFactor,
                        Long minVolumeBytes, Integer windowSeconds, String severity, String severityMany,
                        Integer maxHosts, Integer peerSample) {
    }

    /** The rules shipped with Warden. */
    public static BaselineRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code anomaly.yaml} from {@code rules}. */
    public static BaselineRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static BaselineRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null);
        }
        int maxPort = RuleFields.atLeast(source, "maxPort", s.maxPort(), 49_151, 1);
        if (maxPort > 65_535) {
            throw new RulesException(source + " at maxPort: " + maxPort + " is not a port (1-65535)");
        }
        return new BaselineRules(RuleFields.atLeast(source, "minNewDestinations", s.minNewDestinations(), 10, 1),
                RuleFields.atLeast(source, "minNewPortFlows", s.minNewPortFlows(), 5, 1), maxPort,
                RuleFields.positive(source, "volumeFactor", s.volumeFactor(), 10.0),
                RuleFields.atLeast(source, "minVolumeBytes", s.minVolumeBytes(), 10_000_000L, 1L),
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 3600, 1) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.LOW),
                RuleFields.severity(source, "severityMany", s.severityMany(), Severity.MEDIUM),
                RuleFields.atLeast(source, "maxHosts", s.maxHosts(), 10_000, 1),
                RuleFields.atLeast(source, "peerSample", s.peerSample(), 10, 0));
    }
}
