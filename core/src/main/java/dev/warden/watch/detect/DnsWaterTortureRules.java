package dev.warden.watch.detect;

import dev.warden.model.Severity;

/**
 * The thresholds of {@link DnsWaterTortureDetector}, read from {@code content/rules/dns-water-torture.yaml}
 * (documented there). Every field has a default; a bad value is an error naming the file and the field.
 *
 * @param windowNanos the window, opened by a host's first query for a domain
 * @param minDistinct distinct names under one registered domain, within one window, that make an attack
 * @param minUniqueShare distinct names per query at least (random names are each asked once or twice)
 * @param minEntropy mean Shannon entropy, bits per character, of the names' subdomain parts
 * @param suppressNanos after an alert, no new alert for the same host and domain for this long
 * @param severity severity of the alert
 * @param maxEntries (host, domain) pairs tracked at once; the least recently seen is dropped beyond (counted)
 * @param examples example names quoted in the evidence
 */
public record DnsWaterTortureRules(long windowNanos, int minDistinct, double minUniqueShare, double minEntropy,
                                   long suppressNanos, Severity severity, int maxEntries, int examples) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "dns-water-torture.yaml";

    /** The file as written: every field optional. */
    private record Spec(Integer windowSeconds, Integer minDistinct, Double minUniqueShare, Double minEntropy,
                        Integer suppressSeconds, String severity, Integer maxEntries, Integer examples) {
    }

    /** The rules shipped with Warden. */
    public static DnsWaterTortureRules load() {
        return load(RuleSource.classpath());
    }

    public static DnsWaterTortureRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static DnsWaterTortureRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null);
        }
        return new DnsWaterTortureRules(
                RuleFields.atLeast(source, "windowSeconds", s.windowSeconds(), 60, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "minDistinct", s.minDistinct(), 100, 2),
                RuleFields.share(source, "minUniqueShare", s.minUniqueShare(), 0.8),
                RuleFields.positive(source, "minEntropy", s.minEntropy(), 2.5),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 3600, 0) * RuleFields.SECOND,
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH),
                RuleFields.atLeast(source, "maxEntries", s.maxEntries(), 10_000, 1),
                RuleFields.atLeast(source, "examples", s.examples(), 5, 0));
    }
}
