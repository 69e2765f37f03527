package dev.warden.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A security advisory as Warden uses it, whatever format it arrived in (CSAF 2.0 from a vendor, a government CERT or
 * Warden's own content). One object is one revision of one document: {@code id} is the document's tracking id,
 * {@code revision} its tracking version; a later revision of the same id supersedes it.
 *
 * @param id              the document's tracking id, e.g. {@code ICSA-17-124-01}
 * @param revision        the tracking version of this revision, e.g. {@code 3} or {@code 1.0.2}
 * @param title           the document title
 * @param publisher       who published it (the CSAF publisher name)
 * @param released        the current release date of this revision
 * @param url             where a person reads it (self link or reference), or null
 * @param products        what the advisory speaks about, with the status it gives each product
 * @param vulnerabilities the vulnerabilities it describes (CVE, severity, remedies)
 */
public record Advisory(String id, String revision, String title, String publisher, Instant released, String url,
                       List<AffectedProduct> products, List<Vulnerability> vulnerabilities) {
    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revision, "revision");
        products = List.copyOf(products);
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** The CVE ids of its vulnerabilities, in document order (vulnerabilities without a CVE are left out). */
    public List<String> cves() {
        return vulnerabilities.stream().map(Vulnerability::cve).filter(Objects::nonNull).toList();
    }

    /** The highest severity of its vulnerabilities, {@link Severity#INFO} when none has one. */
    public Severity severity() {
        Severity max = Severity.INFO;
        for (Vulnerability v : vulnerabilities) {
            if (v.severity() != null && v.severity().compareTo(max) > 0) {
                max = v.severity();
            }
        }
        return max;
    }
}
