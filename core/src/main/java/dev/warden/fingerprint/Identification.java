package dev.warden.fingerprint;

import dev.warden.model.DeviceKind;

import java.util.List;
import java.util.Objects;

/**
 * Who a host is, as far as the evidence shows, and why. Fields the evidence did not establish are null, never guessed;
 * a host that matched no family has a null vendor, and is {@link DeviceKind#UNKNOWN} unless its own self-description
 * (UPnP device type, WS-Discovery types, ONVIF device information) says what it is.
 *
 * @param kind       camera, dvr, nvr, router, other or unknown
 * @param vendor     the brand on the device (Opticam for an Opticam i5, though it runs Foscam's platform), or null
 * @param family     id of the fingerprint file whose platform it runs ({@code foscam} for that Opticam): the key
 *                   for vendor-specific checks; null when no vendor was established
 * @param model      model, or null
 * @param hardware   hardware revision, or null
 * @param firmware   firmware version, or null
 * @param confidence 0..1: the winning family's combined score, lowered when other families also matched or sources
 *                   disagree; half the tied score on a tie; when no family matched, the score of the self-description
 *                   that gave the kind (0 when none)
 * @param reasons    the evidence that decided it, one line each, for a user to check
 */
public record Identification(DeviceKind kind, String vendor, String family, String model, String hardware,
                             String firmware, double confidence, List<String> reasons) {
    public Identification {
        Objects.requireNonNull(kind, "kind");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        reasons = List.copyOf(reasons);
    }
}
