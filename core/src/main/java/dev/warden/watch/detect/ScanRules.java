package dev.warden.watch.detect;

import dev.warden.data.DataFileErrors;
import dev.warden.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

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
 */
public record ScanRules(Set<Integer> ports, int minTargets, long windowNanos, long suppressNanos, double miraiShare,
                        Severity severity, Severity miraiSeverity, int maxHosts, int peerSample) {
    /** The rule file shipped with Warden, on the class path. */
    public static final String RESOURCE = "content/rules/scan.yaml";
    private static final long SECOND = 1_000_000_000L;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ScanRules {
        ports = Set.copyOf(ports);
    }

    /** The file as written: every field optional. */
    private record Spec(List<Integer> ports, Integer minTargets, Integer windowSeconds, Integer suppressSeconds,
                        Double miraiShare, String severity, String miraiSeverity, Integer maxHosts, Integer peerSample) {
    }

    /** The rules shipped with Warden. */
    public static ScanRules load() {
        try (InputStream in = ScanRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static ScanRules parse(String source, byte[] yaml) {
        Spec s;
        try {
            s = YAML.readValue(yaml, Spec.class);
        } catch (JacksonException e) {
            throw new RulesException(DataFileErrors.describe(source, e));
        }
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null);
        }
        Set<Integer> ports = new TreeSet<>(s.ports() == null ? List.of(23, 2323) : s.ports());
        for (Integer p : ports) {
            if (p == null || p < 1 || p > 65_535) {
                throw new RulesException(source + " at ports: " + p + " is not a port (1-65535)");
            }
        }
        if (ports.isEmpty()) {
            throw new RulesException(source + " at ports: must name at least one port");
        }
        return new ScanRules(ports,
                atLeast(source, "minTargets", s.minTargets(), 64, 2),
                atLeast(source, "windowSeconds", s.windowSeconds(), 60, 1) * SECOND,
                atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * SECOND,
                share(source, s.miraiShare()),
                severity(source, "severity", s.severity(), Severity.MEDIUM),
                severity(source, "miraiSeverity", s.miraiSeverity(), Severity.HIGH),
                atLeast(source, "maxHosts", s.maxHosts(), 10_000, 1),
                atLeast(source, "peerSample", s.peerSample(), 10, 0));
    }

    private static int atLeast(String source, String field, Integer value, int fallback, int min) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new RulesException(source + " at " + field + ": " + value + " is below the minimum " + min);
        }
        return value;
    }

    private static double share(String source, Double value) {
        if (value == null) {
            return 0.5;
        }
        if (!(value > 0 && value <= 1)) {
            throw new RulesException(source + " at miraiShare: " + value + " must be above 0 and at most 1");
        }
        return value;
    }

    private static Severity severity(String source, String field, String value, Severity fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Severity.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new RulesException(source + " at " + field + ": " + e.getMessage());
        }
    }
}
