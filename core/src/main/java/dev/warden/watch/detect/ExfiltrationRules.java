package dev.warden.watch.detect;

import dev.warden.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link ExfiltrationDetector}, read from {@code content/rules/exfiltration.yaml} (documented
 * there). Every field has a default; an unknown field or a value out of range is an error naming the file and field.
 *
 * @param minBytes bytes sent to one new remote within a window that are exfiltration whatever the port
 * @param streamPorts ports of video streams and uploads (RTSP served, RTMP, FTP, HTTP upload)
 * @param streamMinBytes bytes on a stream port to one new remote within a window that are exfiltration
 * @param minRate bytes per second sent to one new remote, sustained for {@code minDurationNanos}, that are exfiltration
 * @param minDurationNanos how long that rate must last
 * @param minRatio bytes sent must be at least this many times the bytes received (an upload, not a download)
 * @param windowNanos the window over which one device's traffic to one new remote is summed
 * @param suppressNanos after an alert, no new alert for the same device for this long
 * @param severity severity of an exfiltration alert
 * @param maxTracked (device, new remote) pairs tracked at once; the least recently seen is dropped beyond (counted)
 * @param peerSample learned peers listed in an alert
 */
public record ExfiltrationRules(long minBytes, Set<Integer> streamPorts, long streamMinBytes, long minRate,
                                long minDurationNanos, double minRatio, long windowNanos, long suppressNanos,
                                Severity severity, int maxTracked, int peerSample) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "exfiltration.yaml";

    public ExfiltrationRules {
        streamPorts = Set.copyOf(streamPorts);
    }

    /** The file as written: every field optional. */
    private record Spec(Long minBytes, List<Integer> streamPorts, Long streamMinBytes, Long minRate,
                        Integer minDurationSeconds, Double minRatio, Integer windowSeconds, Integer suppressSeconds,
                        String severity, Integer maxTracked, Integer peerSample) {
    }

    /** The rules shipped with Warden. */
    public static ExfiltrationRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code exfiltration.yaml} from {@code rules}. */
    public static ExfiltrationRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static ExfiltrationRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new ExfiltrationRules(RuleFields.atLeast(source, "minBytes", s.minBytes(), 100_000_000L, 1L),
                RuleFields.ports(source, "streamPorts", s.streamPorts(), List.of(554, 8554, 1935, 21, 80, 8080)),
                RuleFields.atLeast(source, "streamMinBytes", s.streamMinBytes(), 20_000_000L, 1L),
                RuleFields.atLeast(source, "minRate", s.minRate(), 250_000L, 1L),
                RuleFields.atLeast(source, "minDurationSeconds", s.minDurationSeconds(), 600, 1) * RuleFields.SECOND,
                RuleFields.positive(source, "minRatio", s.minRatio(), 5.0),
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 3600, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH),
                RuleFields.atLeast(source, "maxTracked", s.maxTracked(), 10_000, 1),
                RuleFields.atLeast(source, "peerSample", s.peerSample(), 5, 0));
    }
}
