package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes one value out of the evidence: the first observation with the key (and port) whose value matches, reduced
 * to the pattern's first group (or the whole match, or the whole value without a pattern), percent-decoded when
 * asked (WS-Discovery scopes encode spaces as {@code %20}). Used for model/hardware/firmware and manufacturer claims.
 *
 * @param key           evidence key
 * @param port          only observations from this port, or null for any
 * @param pattern       compiled regex, or null for the whole value
 * @param percentDecode decode {@code %XX} sequences in the result
 * @param score         what a manufacturer claim adds to the family it names; 0 for plain extractors
 */
record Extractor(String key, Integer port, Pattern pattern, boolean percentDecode, double score) {

    /** A value found, and the observation it came from. */
    record Found(String value, Observation from) {
        /** {@code key "value" (port N)}, with the value as extracted. */
        String source() {
            return Condition.describe(new Observation(from.key(), from.port(), value));
        }
    }

    Optional<Found> extract(HostEvidence e) {
        for (Observation o : e.observations()) {
            if (!o.key().equals(key) || (port != null && o.port() != port)) {
                continue;
            }
            String v = o.value();
            if (pattern != null) {
                Matcher m = pattern.matcher(v);
                if (!m.find()) {
                    continue;
                }
                v = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
            if (percentDecode) {
                try {
                    v = URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    // a device's broken %-escape: keep the value as sent rather than lose it
                }
            }
            v = v.strip();
            if (!v.isEmpty()) {
                return Optional.of(new Found(v, o));
            }
        }
        return Optional.empty();
    }
}
