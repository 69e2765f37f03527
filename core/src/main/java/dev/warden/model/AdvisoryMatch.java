package dev.warden.model;

import java.util.List;
import java.util.Objects;

/**
 * One device found affected by one vulnerability of one advisory revision, with how sure the matcher is and why.
 *
 * @param advisoryId  {@link Advisory#id()}
 * @param revision    {@link Advisory#revision()} the match was made against
 * @param cve         the vulnerability's CVE, or null when it has none
 * @param deviceIp    the inventory device ({@link Device#ip()})
 * @param productId   the advisory product that matched
 * @param confidence  0..1: 1 when vendor, model, hardware revision and firmware all matched exactly; lower when the
 *                    firmware is unknown, the model matched only through a wildcard, and so on
 * @param reasons     each step of the decision, in words ("model FI9826P matches FI9826P", "firmware 2.11.1.120 &lt;
 *                    2.x.2.55 on line 2.11")
 * @param severity    the vulnerability's severity
 * @param remedy      what the owner should do, from the advisory (see {@link Remedy.Category}), or null when the
 *                    advisory gives no remedy for this product
 */
public record AdvisoryMatch(String advisoryId, String revision, String cve, String deviceIp, String productId,
                            double confidence, List<String> reasons, Severity severity, Remedy remedy) {
    public AdvisoryMatch {
        Objects.requireNonNull(advisoryId, "advisoryId");
        Objects.requireNonNull(deviceIp, "deviceIp");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        reasons = List.copyOf(reasons);
    }
}
