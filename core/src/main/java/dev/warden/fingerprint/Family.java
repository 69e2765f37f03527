package dev.warden.fingerprint;

import dev.warden.model.DeviceKind;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One compiled vendor family file.
 *
 * @param id         the file name without {@code .yaml}
 * @param vendor     canonical vendor name reported for devices of this family
 * @param kind       what its devices are unless a rule says otherwise
 * @param oemOf      id of the family whose platform this brand sells (Opticam runs Foscam's), or null
 * @param aliases    manufacturer names (whole words, any case) that mean this family, the vendor name first
 * @param rules      evidence rules
 * @param extractors where model, hardware and firmware come from
 */
record Family(String id, String vendor, DeviceKind kind, String oemOf, List<Pattern> aliases, List<Rule> rules,
              Extractors extractors) {

    /** The family whose checks apply: the platform for an OEM brand, else this one. */
    String platform() {
        return oemOf == null ? id : oemOf;
    }

    boolean namedBy(String manufacturer) {
        return aliases.stream().anyMatch(p -> p.matcher(manufacturer).find());
    }

    /**
     * A compiled rule.
     *
     * @param id    unique within the file
     * @param when  the condition
     * @param score 0..1, combined with the family's other matches as independent evidence
     * @param kind  kind the device has when this rule matches, or null for the family's
     */
    record Rule(String id, Condition when, double score, DeviceKind kind) {
    }

    /** Extractors per field, tried in order; the first value found wins. */
    record Extractors(List<Extractor> model, List<Extractor> hardware, List<Extractor> firmware) {
        static final Extractors NONE = new Extractors(List.of(), List.of(), List.of());
    }
}
