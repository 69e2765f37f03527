package dev.warden.watch.profile;

import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.detect.RuleSource;

/**
 * Sizes and learning period of {@link HostProfiles}, read from {@code content/rules/profile.yaml} (documented there).
 * Every field has a default; an unknown field or a value out of range is an error naming the file and the field.
 *
 * @param maxHosts local devices profiled at once; the least recently seen is dropped beyond (counted)
 * @param maxPeers peers kept per device; the least recently seen is dropped beyond (counted)
 * @param maxPorts served ports and used ports kept per device, each; least recently seen dropped beyond (counted)
 * @param bucketNanos length of one volume bucket
 * @param buckets finished volume buckets kept per device
 * @param learnNanos a device is learning until it has been seen for this long (traffic time) ...
 * @param learnFlows ... and has had at least this many flows
 * @param periodicIntervals contacts to one peer (intervals between flow starts) before its periodicity is judged
 * @param periodicJitter largest coefficient of variation of those intervals that is still "periodic"
 */
public record ProfileRules(int maxHosts, int maxPeers, int maxPorts, long bucketNanos, int buckets, long learnNanos,
                           long learnFlows, int periodicIntervals, double periodicJitter) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "profile.yaml";

    /** The file as written: every field optional. */
    private record Spec(Integer maxHosts, Integer maxPeers, Integer maxPorts, Integer bucketSeconds, Integer buckets,
                        Long learnSeconds, Long learnFlows, Integer periodicIntervals, Double periodicJitter) {
    }

    /** The rules shipped with Warden. */
    public static ProfileRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code profile.yaml} from {@code rules}. */
    public static ProfileRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static ProfileRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null);
        }
        return new ProfileRules(RuleFields.atLeast(source, "maxHosts", s.maxHosts(), 4096, 1),
                RuleFields.atLeast(source, "maxPeers", s.maxPeers(), 256, 1),
                RuleFields.atLeast(source, "maxPorts", s.maxPorts(), 64, 1),
                RuleFields.atLeast(source, "bucketSeconds", s.bucketSeconds(), 3600, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "buckets", s.buckets(), 48, 1),
                RuleFields.atLeast(source, "learnSeconds", s.learnSeconds(), 86_400L, 0L) * RuleFields.SECOND,
                RuleFields.atLeast(source, "learnFlows", s.learnFlows(), 20L, 0L),
                RuleFields.atLeast(source, "periodicIntervals", s.periodicIntervals(), 4, 2),
                RuleFields.positive(source, "periodicJitter", s.periodicJitter(), 0.1));
    }
}
