package dev.warden.cli;

import dev.warden.advise.service.AdvisoryDetail;
import dev.warden.advise.service.ImportResult;
import dev.warden.advise.store.AdvisoryRow;
import dev.warden.advise.store.MatchRow;
import dev.warden.advise.store.ReviewRow;
import dev.warden.advise.store.RevisionRow;
import dev.warden.advise.store.SaveOutcome;
import dev.warden.inventory.KnownDevice;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.AffectedProduct;
import dev.warden.model.Device;
import dev.warden.model.KnownExploited;
import dev.warden.model.Remedy;
import dev.warden.model.Vulnerability;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code warden advisories} and {@code warden affected} show what they found: aligned tables for people, or one
 * JSON object per line with snake_case keys (timestamps ISO-8601 UTC) for tools.
 */
final class AdvisoryOutput {
    private final PrintWriter out;
    private final boolean json;

    AdvisoryOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void kev(int entries, String source) {
        if (json) {
            line(map("event", "kev", "source", source, "entries", entries));
        } else {
            out.println("KEV: " + entries + " known exploited vulnerabilities from " + source);
        }
    }

    void imported(ImportResult r) {
        if (json) {
            r.warnings().forEach(w -> line(map("event", "warning", "message", w)));
            for (ImportResult.Imported i : r.imported()) {
                line(map("event", "imported", "advisory_id", i.advisoryId(), "revision", i.revision(),
                        "location", i.location(), "outcome", i.outcome().name().toLowerCase(Locale.ROOT),
                        "matches_added", i.matchesAdded(), "matches_removed", i.matchesRemoved()));
            }
            r.rejected().forEach(x -> line(map("event", "rejected", "location", x.location(), "reason", x.reason())));
            return;
        }
        r.warnings().forEach(w -> out.println("WARNING: " + w));
        if (!r.imported().isEmpty()) {
            Table t = new Table("ADVISORY", "REVISION", "OUTCOME", "MATCHES +", "MATCHES -", "FROM");
            for (ImportResult.Imported i : r.imported()) {
                t.row(i.advisoryId(), i.revision(), i.outcome().name().toLowerCase(Locale.ROOT), i.matchesAdded(),
                        i.matchesRemoved(), i.location());
            }
            t.print(out);
        }
        r.rejected().forEach(x -> out.println("rejected " + x.location() + ": " + x.reason()));
        out.printf("%d new, %d updated, %d unchanged, %d older revisions kept, %d rejected; matches +%d -%d; %d open review items%n",
                r.count(SaveOutcome.NEW), r.count(SaveOutcome.UPDATED), r.count(SaveOutcome.UNCHANGED),
                r.count(SaveOutcome.OLDER), r.rejected().size(), r.matchesAdded(), r.matchesRemoved(), r.reviewItems());
    }

    void list(List<AdvisoryRow> rows) {
        if (json) {
            rows.forEach(a -> line(advisory(a)));
            return;
        }
        if (rows.isEmpty()) {
            out.println("No advisories: import some with warden advisories import FILE|DIR|URL.");
            return;
        }
        Table t = new Table("ADVISORY", "REVISION", "RELEASED", "SEVERITY", "DEVICES", "REVIEW", "CVES", "TITLE");
        for (AdvisoryRow a : rows) {
            t.row(a.id(), a.revision(), day(a.released()), a.severity(), a.devices(), a.openReview(),
                    abbreviate(String.join(",", a.cves()), 40), abbreviate(a.title(), 60));
        }
        t.print(out);
    }

    void show(AdvisoryDetail d) {
        if (json) {
            Map<String, Object> m = advisory(d.summary());
            m.put("revisions", d.revisions().stream().map(AdvisoryOutput::revision).toList());
            m.put("vulnerabilities", d.advisory().vulnerabilities().stream().map(AdvisoryOutput::vulnerability).toList());
            m.put("products", d.advisory().products().stream().map(AdvisoryOutput::product).toList());
            m.put("matches", d.matches().stream().map(r -> match(r, null)).toList());
            m.put("review", d.review().stream().map(AdvisoryOutput::review).toList());
            line(m);
            return;
        }
        AdvisoryRow a = d.summary();
        out.println(a.id() + " revision " + a.revision() + " (" + day(a.released()) + "), " + a.publisher());
        out.println(a.title());
        out.println();
        out.println("Revisions:");
        Table revs = new Table("REVISION", "RELEASED", "IMPORTED", "CURRENT", "SHA-256", "FROM");
        d.revisions().forEach(r -> revs.row(r.revision(), day(r.released()), Instant.ofEpochMilli(r.importedAt()),
                r.current() ? "yes" : "", r.sha256().substring(0, 12), r.source()));
        revs.print(out);
        out.println();
        out.println("Vulnerabilities:");
        Table vt = new Table("CVE", "SEVERITY", "CVSS", "EXPLOITED", "REMEDIES");
        for (Vulnerability v : d.advisory().vulnerabilities()) {
            KnownExploited k = v.exploited();
            vt.row(v.cve(), v.severity() == null ? null : v.severity().wireName(), v.cvss(),
                    k == null ? "" : "KEV, due " + k.dueDate(),
                    String.join(", ", v.remedies().stream().map(r -> r.category().wireName()).distinct().toList()));
        }
        vt.print(out);
        out.println();
        out.println("Products:");
        Table pt = new Table("PRODUCT", "STATUS", "VENDOR", "MODELS", "HARDWARE", "VERSIONS");
        for (AffectedProduct p : d.advisory().products()) {
            pt.row(p.productId(), p.status().name().toLowerCase(Locale.ROOT), p.vendor(),
                    abbreviate(String.join(",", p.models()), 40), p.hardwareRevision(), abbreviate(p.versionRange(), 40));
        }
        pt.print(out);
        out.println();
        out.println("Matches:");
        if (d.matches().isEmpty()) {
            out.println("  none in the inventory");
        } else {
            Table mt = new Table("DEVICE", "CVE", "PRODUCT", "CONFIDENCE", "STATE", "REMEDY");
            d.matches().forEach(r -> mt.row(r.match().deviceIp(), r.match().cve(), r.match().productId(),
                    percent(r.match().confidence()), r.active() ? "active" : "withdrawn", remedy(r.match().remedy())));
            mt.print(out);
        }
        if (!d.review().isEmpty()) {
            out.println();
            out.println("Review:");
            review(d.review());
        }
    }

    void review(List<ReviewRow> rows) {
        if (json) {
            rows.forEach(r -> line(review(r)));
            return;
        }
        if (rows.isEmpty()) {
            out.println("Nothing to review.");
            return;
        }
        Table t = new Table("ADVISORY", "PRODUCT", "STATUS", "REASON", "TEXT");
        rows.forEach(r -> t.row(r.advisoryId(), r.productId(), r.open() ? "open" : "obsolete", r.reason(),
                abbreviate(r.text(), 60)));
        t.print(out);
    }

    void affected(String name, List<MatchRow> rows, Map<String, KnownDevice> devices) {
        if (json) {
            rows.forEach(r -> line(match(r, devices.get(r.match().deviceIp()))));
            return;
        }
        if (rows.isEmpty()) {
            out.println("No device in the inventory is affected by " + name + ".");
            return;
        }
        Table t = new Table("DEVICE", "VENDOR", "MODEL", "FIRMWARE", "ADVISORY", "CVE", "CONFIDENCE", "REMEDY");
        for (MatchRow r : rows) {
            KnownDevice k = devices.get(r.match().deviceIp());
            Device d = k == null ? null : k.device();
            t.row(r.match().deviceIp(), d == null ? null : d.vendor(), d == null ? null : d.model(),
                    d == null ? null : d.firmware(), r.match().advisoryId(), r.match().cve(),
                    percent(r.match().confidence()), abbreviate(remedy(r.match().remedy()), 70));
        }
        t.print(out);
        out.println();
        for (MatchRow r : rows) {
            out.println(r.match().deviceIp() + " " + r.match().cve() + ": " + String.join("; ", r.match().reasons()));
        }
    }

    private static Map<String, Object> advisory(AdvisoryRow a) {
        return map("advisory_id", a.id(), "revision", a.revision(), "released", iso(a.released()), "title", a.title(),
                "publisher", a.publisher(), "severity", a.severity(), "cves", a.cves(), "devices", a.devices(),
                "open_review", a.openReview());
    }

    private static Map<String, Object> revision(RevisionRow r) {
        return map("revision", r.revision(), "released", iso(r.released()), "sha256", r.sha256(), "source", r.source(),
                "imported_at", iso(r.importedAt()), "current", r.current());
    }

    private static Map<String, Object> vulnerability(Vulnerability v) {
        KnownExploited k = v.exploited();
        return map("cve", v.cve(), "title", v.title(), "severity", v.severity() == null ? null : v.severity().wireName(),
                "cvss", v.cvss(), "known_exploited", k == null ? null : map("date_added", str(k.dateAdded()),
                        "required_action", k.requiredAction(), "due_date", str(k.dueDate()), "ransomware", k.ransomware()),
                "remedies", v.remedies().stream().map(AdvisoryOutput::remedyJson).toList());
    }

    private static Map<String, Object> product(AffectedProduct p) {
        return map("product_id", p.productId(), "status", p.status().name().toLowerCase(Locale.ROOT), "vendor", p.vendor(),
                "models", p.models(), "hardware", p.hardwareRevision(), "versions", p.versionRange());
    }

    private static Map<String, Object> review(ReviewRow r) {
        return map("advisory_id", r.advisoryId(), "product_id", r.productId(), "reason", r.reason(), "text", r.text(),
                "status", r.open() ? "open" : "obsolete");
    }

    private static Map<String, Object> match(MatchRow r, KnownDevice device) {
        AdvisoryMatch m = r.match();
        Map<String, Object> out = map("advisory_id", m.advisoryId(), "revision", m.revision(), "cve", m.cve(),
                "ip", m.deviceIp(), "product_id", m.productId(), "confidence", Math.round(m.confidence() * 100) / 100.0,
                "reasons", m.reasons(), "severity", m.severity() == null ? null : m.severity().wireName(),
                "remedy", m.remedy() == null ? null : remedyJson(m.remedy()), "first_matched", iso(r.firstMatched()),
                "last_matched", iso(r.lastMatched()), "state", r.active() ? "active" : "withdrawn");
        if (device != null) {
            Device d = device.device();
            out.put("vendor", d.vendor());
            out.put("model", d.model());
            out.put("hardware", d.hardware());
            out.put("firmware", d.firmware());
        }
        return out;
    }

    private static Map<String, Object> remedyJson(Remedy r) {
        return map("category", r.category().wireName(), "details", r.details(), "url", r.url(),
                "fixed_firmware", r.fixedFirmware());
    }

    private static String remedy(Remedy r) {
        if (r == null) {
            return "-";
        }
        String fixed = r.fixedFirmware() == null ? "" : " (fixed in " + r.fixedFirmware() + ")";
        return r.category().wireName() + fixed + (r.details() == null ? "" : ": " + r.details());
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void line(Map<String, Object> m) {
        out.println(JsonLines.write(m));
    }

    private static String iso(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
    }

    private static String day(Long epochMs) {
        return epochMs == null ? "-" : Instant.ofEpochMilli(epochMs).toString().substring(0, 10);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
