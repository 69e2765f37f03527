package dev.warden.notify;

import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.AffectedProduct;
import dev.warden.model.KnownExploited;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import dev.warden.model.Vulnerability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Advisories and matches built directly from the model records, as the advisory matcher will hand them over. */
final class Fixtures {
    static final String ADVISORY = "WARDEN-2017-0001";
    static final String CVE_A = "CVE-2017-2871";
    static final String CVE_B = "CVE-2017-2872";

    private Fixtures() {
    }

    static Remedy fix(String firmware) {
        return new Remedy(Remedy.Category.VENDOR_FIX, "Install the update.", null, Set.of("P1"), firmware);
    }

    static Remedy noFix(String text) {
        return new Remedy(Remedy.Category.NO_FIX_PLANNED, text, null, Set.of("P1"), null);
    }

    /** An advisory revision with two vulnerabilities (critical and high), each with the given remedy. */
    static Advisory advisory(String revision, Remedy remedy, KnownExploited kev) {
        AffectedProduct p = new AffectedProduct("P1", "Foscam", List.of("FI9826P"), null, "<= 2.11.1.120",
                AffectedProduct.ProductStatus.AFFECTED);
        return new Advisory(ADVISORY, revision, "Foscam IP camera firmware flaws", "Warden", Instant.parse("2017-06-19T00:00:00Z"),
                "https://example.org/advisories/" + ADVISORY, List.of(p), List.of(
                        new Vulnerability(CVE_A, "Hard-coded credentials", Severity.CRITICAL, 9.8, List.of(remedy), kev),
                        new Vulnerability(CVE_B, "Command injection", Severity.HIGH, 8.8, List.of(remedy), null)));
    }

    static List<AdvisoryMatch> matches(Advisory a, String ip) {
        return a.vulnerabilities().stream().map(v -> new AdvisoryMatch(a.id(), a.revision(), v.cve(), ip, "P1", 1.0,
                List.of("model FI9826P matches FI9826P"), v.severity(), v.remedies().get(0))).toList();
    }

    static KnownExploited kev(LocalDate due) {
        return new KnownExploited(CVE_A, LocalDate.of(2021, 11, 3), "Apply updates per vendor instructions.", due, "Unknown");
    }
}
