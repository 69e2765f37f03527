package dev.warden.fingerprint;

import java.util.List;

/**
 * The fingerprint files as written (kebab-case YAML), before validation and compilation. Kept apart from the
 * compiled forms so that the file format and the engine's working types can change independently.
 */
final class Specs {
    private Specs() {
    }

    /** One vendor family file, {@code content/fingerprints/<id>.yaml}. */
    record FamilySpec(String id, String vendor, String kind, String oemOf, List<String> aliases,
                      List<RuleSpec> rules, ExtractSpec extract) {
    }

    /** A rule: when the condition holds, the family gains {@code score} (and the device may get another kind). */
    record RuleSpec(String id, ConditionSpec when, Double score, String kind) {
    }

    /**
     * A condition: exactly one of an evidence match ({@code key} with optional {@code match} and {@code port}),
     * {@code ports-open}, {@code all-of} or {@code any-of}.
     */
    record ConditionSpec(String key, String match, Integer port, List<Integer> portsOpen, List<ConditionSpec> allOf,
                         List<ConditionSpec> anyOf) {
    }

    /** Where model, hardware and firmware come from, tried in order. */
    record ExtractSpec(List<ValueSpec> model, List<ValueSpec> hardware, List<ValueSpec> firmware) {
    }

    /**
     * A value taken from evidence: {@code key}, optional {@code port}, optional {@code match} regex whose first group
     * (or whole match) is the value, optional {@code decode: percent}; {@code score} only for manufacturer claims.
     */
    record ValueSpec(String key, String match, Integer port, String decode, Double score) {
    }

    /**
     * {@code _common.yaml}: manufacturer claims mapped to families through aliases, extractors every family uses, and
     * vendor-neutral kind rules (a device's own UPnP or ONVIF self-description) for hosts no family settles.
     */
    record CommonSpec(List<ValueSpec> manufacturer, ExtractSpec extract, List<RuleSpec> kinds) {
    }
}
