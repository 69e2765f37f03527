package dev.warden.watch.detect.c2;

import dev.warden.model.Severity;
import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.detect.RuleSource;
import java.util.List;
import java.util.Set;

/**
 * The thresholds of {@link FailoverDetector}, read from {@code content/rules/c2-failover.yaml} (documented there).
 * Every field has a default; an unknown field or a value out of range is an error naming the file and the field.
 *
 * @param minServers distinct remote servers one host connects to on the same port within the window
 * @param minFailures of those connections, how many failed (no answer, refused, or closed within failSeconds)
 * @param retryFailures failed connections on one port within the window that are C2 whatever the number of servers:
 *                      a bot insisting on its one server (the {@code retry} signal)
 * @param failNanos a connection that ends sooner than this without much data counts as failed
 * @param windowNanos the window, opened by the first connection of the series
 * @param commonPorts server ports where talking to many servers is ordinary (web, mail, DNS, MQTT...): ignored
 * @param suppressNanos no second alert for the same host and port for this long
 * @param maxSeries host-port series tracked at once; the least recently used is dropped beyond (counted)
 * @param maxServers more distinct servers than this on one port within the window is a sweep (a scan), not fail-over
 * @param settleNanos traffic time an alert waits after its series qualifies, to see whether it turns into a sweep
 * @param severity severity of the alert
 */
public record FailoverRules(int minServers, int minFailures, int retryFailures, long failNanos, long windowNanos, Set<Integer> commonPorts,
                            long suppressNanos, int maxSeries, int maxServers, long settleNanos,
                            Severity severity) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "c2-failover.yaml";

    public FailoverRules {
        commonPorts = Set.copyOf(commonPorts);
    }

    /** The file as written: every field optional. */
    private record Spec(Integer minServers, Integer minFailures, Integer retryFailures, Integer failSeconds, Integer windowSeconds,
                        List<Integer> commonPorts, Integer suppressSeconds, Integer maxSeries, Integer maxServers,
                        Integer settleSeconds, String severity) {
    }

    /** The rules shipped with Warden. */
    public static FailoverRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code c2-failover.yaml} from {@code rules}. */
    public static FailoverRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static FailoverRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null, null);
        }
        int minServers = RuleFields.atLeast(source, "minServers", s.minServers(), 3, 2);
        return new FailoverRules(minServers,
                RuleFields.atLeast(source, "minFailures", s.minFailures(), 1, 1),
                RuleFields.atLeast(source, "retryFailures", s.retryFailures(), 100, 2),
                RuleFields.atLeast(source, "failSeconds", s.failSeconds(), 120, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 86_400, 1) * RuleFields.SECOND,
                RuleFields.ports(source, "commonPorts", s.commonPorts(), List.of(21, 22, 25, 53, 80, 110, 123, 143,
                        443, 465, 587, 853, 993, 995, 1883, 5222, 5223, 8080, 8443, 8883)),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 86_400, 0) * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxSeries", s.maxSeries(), 10_000, 1),
                RuleFields.atLeast(source, "maxServers", s.maxServers(), 10, minServers),
                RuleFields.atLeast(source, "settleSeconds", s.settleSeconds(), 120, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH));
    }
}
