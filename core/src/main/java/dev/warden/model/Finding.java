package dev.warden.model;

import java.util.List;
import java.util.Objects;

/**
 * A weakness Warden proved on a device, with redacted evidence and what to do about it.
 *
 * @param ip          the device
 * @param port        the service it concerns, 0 when the device as a whole
 * @param check       id of the check that found it (kebab-case, equal to the check file name)
 * @param title       one line
 * @param severity    info..critical
 * @param cvss        CVSS v3 vector (may be null)
 * @param cvssScore   CVSS base score, or NaN when none
 * @param cve         CVE ids, possibly empty
 * @param cwe         CWE ids, possibly empty
 * @param evidence    what was seen, secrets redacted; never a response body
 * @param remediation what the owner should do
 */
public record Finding(String ip, int port, String check, String title, Severity severity, String cvss, double cvssScore,
                      List<String> cve, List<String> cwe, String evidence, String remediation) {
    public Finding {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        cve = cve == null ? List.of() : List.copyOf(cve);
        cwe = cwe == null ? List.of() : List.copyOf(cwe);
    }
}
