package dev.warden.remediation;

import dev.warden.model.Severity;
import java.time.Instant;

/**
 * The remediation of one vulnerability of one advisory on one device.
 *
 * @param ip            the device
 * @param advisoryId    the advisory
 * @param cve           the CVE, or "" when the vulnerability has none
 * @param revision      the advisory revision last seen for it
 * @param severity      the vulnerability's severity
 * @param state         where it stands
 * @param reason        why it was last moved by hand, or null
 * @param action        what the owner must do
 * @param fixedFirmware the firmware that fixes it, or null
 * @param opened        when Warden first found it
 * @param due           when it falls due
 * @param updated       when it last changed
 * @param verifiedAt    when a re-assessment proved it fixed, or null
 */
public record Remediation(String ip, String advisoryId, String cve, String revision, Severity severity,
                          RemediationState state, String reason, String action, String fixedFirmware, Instant opened,
                          Instant due, Instant updated, Instant verifiedAt) {

    /** Whether it still needs work and its due date has passed. */
    public boolean overdue(Instant now) {
        return state.active() && now.isAfter(due);
    }
}
