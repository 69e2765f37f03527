package dev.warden.advise.kev;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.csaf.CsafJson;
import dev.warden.model.Advisory;
import dev.warden.model.KnownExploited;
import dev.warden.model.Vulnerability;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CISA's Known Exploited Vulnerabilities catalog ({@code known_exploited_vulnerabilities.json}: {@code
 * vulnerabilities[]} with {@code cveID}, {@code dateAdded}, {@code requiredAction}, {@code dueDate},
 * {@code knownRansomwareCampaignUse}), read into entries by CVE and joined into advisories. Warden ships no copy of
 * the catalog; ingest fetches it.
 */
public final class KevCatalog {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private KevCatalog() {
    }

    /**
     * Reads the catalog.
     *
     * @throws AdvisoryException when it is not JSON, exceeds the size limits, lacks {@code vulnerabilities} or has an
     *                           entry without a valid {@code cveID} or with a malformed date
     */
    public static Map<String, KnownExploited> read(byte[] json) throws AdvisoryException {
        String source = "KEV catalog";
        JsonNode root = CsafJson.parse(json, source);
        JsonNode list = root.get("vulnerabilities");
        if (list == null || !list.isArray()) {
            throw new AdvisoryException(source + ": /vulnerabilities is missing or not an array");
        }
        Map<String, KnownExploited> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String ptr = source + ": /vulnerabilities/" + i;
            JsonNode e = list.get(i);
            String cve = text(e, "cveID");
            if (cve == null || !CVE.matcher(cve.strip().toUpperCase(Locale.ROOT)).matches()) {
                throw new AdvisoryException(ptr + "/cveID: missing or not a CVE id");
            }
            cve = cve.strip().toUpperCase(Locale.ROOT);
            out.put(cve, new KnownExploited(cve, date(e, "dateAdded", ptr), text(e, "requiredAction"),
                    date(e, "dueDate", ptr), text(e, "knownRansomwareCampaignUse")));
        }
        return out;
    }

    /** {@code advisory} with each vulnerability whose CVE is in {@code kev} flagged as known exploited. */
    public static Advisory join(Advisory advisory, Map<String, KnownExploited> kev) {
        List<Vulnerability> vs = advisory.vulnerabilities().stream()
                .map(v -> v.cve() != null && kev.containsKey(v.cve().toUpperCase(Locale.ROOT))
                        ? v.withExploited(kev.get(v.cve().toUpperCase(Locale.ROOT))) : v)
                .toList();
        return new Advisory(advisory.id(), advisory.revision(), advisory.title(), advisory.publisher(),
                advisory.released(), advisory.url(), advisory.products(), vs);
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private static LocalDate date(JsonNode e, String field, String ptr) throws AdvisoryException {
        String t = text(e, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(t.strip());
        } catch (DateTimeParseException ex) {
            throw new AdvisoryException(ptr + "/" + field + ": '" + t + "' is not a date (YYYY-MM-DD)");
        }
    }
}
