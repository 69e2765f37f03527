package dev.warden.advise.csaf;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.version.Version;
import dev.warden.model.Advisory;
import dev.warden.model.AffectedProduct;
import dev.warden.model.AffectedProduct.ProductStatus;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import dev.warden.model.Vulnerability;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one CSAF 2.0 document into an {@link Advisory}: tracking id, version and release date, publisher, the
 * product tree flattened to vendor / model / hardware revision / firmware range ({@link ProductTree}), and each
 * vulnerability with its per-product status, CVSS-derived severity and remedies.
 * <p>
 * Only products named in some {@code product_status} list become {@link AffectedProduct}s; when a product has
 * several statuses (Mobotix lists products both {@code fixed} and {@code recommended}) the strongest wins, in the
 * order affected, under investigation, fixed, not affected, recommended. This is not schema validation (ingest does
 * that); it rejects what Warden cannot use, naming the JSON pointer.
 */
public final class CsafReader {
    private static final Map<String, ProductStatus> STATUS_LISTS = statusLists();
    private static final List<ProductStatus> STRENGTH = List.of(ProductStatus.AFFECTED,
            ProductStatus.UNDER_INVESTIGATION, ProductStatus.FIXED, ProductStatus.NOT_AFFECTED, ProductStatus.RECOMMENDED);
    /** A version-looking token in remediation text: {@code MX-V4.7.2.18}, {@code 2.52.2.47}, {@code V5.4.5}. */
    private static final Pattern VERSION_TOKEN =
            Pattern.compile("\\b(?:[A-Za-z]{1,4}-)?[Vv]?\\d+(?:\\.\\d+)+(?:[.\\-_][A-Za-z0-9]+)*\\b");

    private final String source;

    private CsafReader(String source) {
        this.source = source;
    }

    /**
     * Reads a CSAF 2.0 document.
     *
     * @param json   the document's bytes (UTF-8)
     * @param source where it came from, named in error messages (file name or URL)
     * @throws AdvisoryException when it is not JSON, exceeds the limits of {@link CsafJson}, or lacks what Warden
     *                           needs (tracking id and version, product ids it refers to)
     */
    public static Advisory read(byte[] json, String source) throws AdvisoryException {
        return new CsafReader(source).advisory(CsafJson.parse(json, source));
    }

    private Advisory advisory(JsonNode root) throws AdvisoryException {
        JsonNode doc = root.get("document");
        if (doc == null || !doc.isObject()) {
            throw new AdvisoryException(source + ": /document is missing");
        }
        JsonNode tracking = doc.get("tracking");
        String id = Csaf.text(tracking, "id", "/document/tracking", source);
        String revision = Csaf.text(tracking, "version", "/document/tracking", source);
        Instant released = instant(Csaf.optText(tracking, "current_release_date"), "/document/tracking/current_release_date");
        String publisher = Csaf.optText(doc.get("publisher"), "name");
        ProductTree tree = ProductTree.read(root.get("product_tree"), source);

        Map<String, ProductStatus> overall = new LinkedHashMap<>();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        JsonNode vulns = root.get("vulnerabilities");
        Severity aggregate = aggregate(doc);
        for (int i = 0; vulns != null && i < vulns.size(); i++) {
            vulnerabilities.add(vulnerability(vulns.get(i), "/vulnerabilities/" + i, tree, overall, aggregate));
        }
        List<AffectedProduct> products = new ArrayList<>();
        for (Map.Entry<String, ProductStatus> e : overall.entrySet()) {
            ProductTree.Product p = tree.products().get(e.getKey());
            products.add(new AffectedProduct(p.id(), p.vendor(), p.models(), p.hardware(),
                    p.range() != null ? p.range() : p.version(), e.getValue()));
        }
        return new Advisory(id, revision, Csaf.optText(doc, "title"), publisher, released, selfUrl(doc), products,
                vulnerabilities);
    }

    private Vulnerability vulnerability(JsonNode v, String ptr, ProductTree tree, Map<String, ProductStatus> overall,
                                        Severity aggregate) throws AdvisoryException {
        Map<String, ProductStatus> statuses = new LinkedHashMap<>();
        JsonNode ps = v.get("product_status");
        for (Map.Entry<String, ProductStatus> list : STATUS_LISTS.entrySet()) {
            List<String> ids = Csaf.texts(ps == null ? null : ps.get(list.getKey()));
            for (int k = 0; k < ids.size(); k++) {
                String pid = ids.get(k);
                if (!tree.products().containsKey(pid)) {
                    throw new AdvisoryException(source + ": " + ptr + "/product_status/" + list.getKey() + "/" + k
                            + ": product id '" + pid + "' is not defined in the product tree");
                }
                statuses.merge(pid, list.getValue(), CsafReader::stronger);
                overall.merge(pid, list.getValue(), CsafReader::stronger);
            }
        }
        Double cvss = cvss(v.get("scores"));
        Severity severity = cvss != null ? severity(cvss) : aggregate;
        List<Remedy> remedies = new ArrayList<>();
        JsonNode rs = v.get("remediations");
        for (int i = 0; rs != null && i < rs.size(); i++) {
            remedies.add(remedy(rs.get(i), ptr + "/remediations/" + i, tree, statuses));
        }
        return new Vulnerability(Csaf.optText(v, "cve"), Csaf.optText(v, "title"), severity, cvss, remedies, null,
                statuses);
    }

    private Remedy remedy(JsonNode r, String ptr, ProductTree tree, Map<String, ProductStatus> statuses)
            throws AdvisoryException {
        String category = Csaf.text(r, "category", ptr, source);
        Remedy.Category cat;
        try {
            cat = Remedy.Category.fromWire(category);
        } catch (IllegalArgumentException e) {
            throw new AdvisoryException(source + ": " + ptr + "/category: " + e.getMessage());
        }
        Set<String> ids = new LinkedHashSet<>(Csaf.texts(r.get("product_ids")));
        for (String g : Csaf.texts(r.get("group_ids"))) {
            ids.addAll(tree.group(g));
        }
        String details = Csaf.optText(r, "details");
        String fixed = cat == Remedy.Category.VENDOR_FIX ? fixedFirmware(details, ids, tree, statuses) : null;
        return new Remedy(cat, details, Csaf.optText(r, "url"), ids, fixed);
    }

    /**
     * The first firmware that fixes it: a version the remedy's text names ("Update … to firmware version MX-V4.7.2.18
     * or later"), else the lowest single version the vulnerability lists as fixed for the same models and hardware.
     */
    private static String fixedFirmware(String details, Set<String> ids, ProductTree tree,
                                        Map<String, ProductStatus> statuses) {
        if (details != null) {
            Matcher m = VERSION_TOKEN.matcher(details);
            if (m.find()) {
                return m.group();
            }
        }
        Set<String> hardware = new LinkedHashSet<>();
        for (String id : ids) {
            ProductTree.Product p = tree.products().get(id);
            if (p != null) {
                hardware.add(p.models() + "|" + p.hardware());
            }
        }
        Version lowest = null;
        for (Map.Entry<String, ProductStatus> e : statuses.entrySet()) {
            ProductTree.Product p = tree.products().get(e.getKey());
            if (e.getValue() == ProductStatus.FIXED && p.version() != null
                    && (ids.contains(p.id()) || hardware.contains(p.models() + "|" + p.hardware()))) {
                Version v = Version.parse(p.version());
                lowest = lowest == null || v.compare(lowest).orElse(0) < 0 ? v : lowest;
            }
        }
        return lowest == null ? null : lowest.text();
    }

    /** The highest CVSS base score given (v3 preferred over v2 when both appear), or null. */
    private static Double cvss(JsonNode scores) {
        Double v3 = null;
        Double v2 = null;
        for (int i = 0; scores != null && i < scores.size(); i++) {
            v3 = max(v3, scores.get(i).get("cvss_v3"));
            v2 = max(v2, scores.get(i).get("cvss_v2"));
        }
        return v3 != null ? v3 : v2;
    }

    private static Double max(Double current, JsonNode cvss) {
        JsonNode s = cvss == null ? null : cvss.get("baseScore");
        if (s == null || !s.isNumber() || s.asDouble() < 0 || s.asDouble() > 10) {
            return current;
        }
        return current == null ? s.asDouble() : Math.max(current, s.asDouble());
    }

    /** CVSS v3 qualitative rating of a base score. */
    private static Severity severity(double score) {
        if (score >= 9) {
            return Severity.CRITICAL;
        }
        if (score >= 7) {
            return Severity.HIGH;
        }
        if (score >= 4) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.INFO;
    }

    private static Severity aggregate(JsonNode doc) {
        String text = Csaf.optText(doc.get("aggregate_severity"), "text");
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        for (Severity s : new Severity[]{Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            if (t.contains(s.wireName())) {
                return s;
            }
        }
        return t.contains("important") ? Severity.HIGH : t.contains("moderate") ? Severity.MEDIUM : null;
    }

    private static String selfUrl(JsonNode doc) {
        JsonNode refs = doc.get("references");
        String first = null;
        for (int i = 0; refs != null && i < refs.size(); i++) {
            String url = Csaf.optText(refs.get(i), "url");
            if ("self".equals(Csaf.optText(refs.get(i), "category")) && url != null) {
                return url;
            }
            first = first == null ? url : first;
        }
        return first;
    }

    private Instant instant(String text, String ptr) throws AdvisoryException {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdvisoryException(source + ": " + ptr + ": '" + text + "' is not an RFC 3339 date-time");
        }
    }

    private static ProductStatus stronger(ProductStatus a, ProductStatus b) {
        return STRENGTH.indexOf(a) <= STRENGTH.indexOf(b) ? a : b;
    }

    private static Map<String, ProductStatus> statusLists() {
        Map<String, ProductStatus> m = new LinkedHashMap<>();
        m.put("first_affected", ProductStatus.AFFECTED);
        m.put("known_affected", ProductStatus.AFFECTED);
        m.put("last_affected", ProductStatus.AFFECTED);
        m.put("under_investigation", ProductStatus.UNDER_INVESTIGATION);
        m.put("first_fixed", ProductStatus.FIXED);
        m.put("fixed", ProductStatus.FIXED);
        m.put("known_not_affected", ProductStatus.NOT_AFFECTED);
        m.put("recommended", ProductStatus.RECOMMENDED);
        return m;
    }
}
