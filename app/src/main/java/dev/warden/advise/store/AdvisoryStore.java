package dev.warden.advise.store;

import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.KnownExploited;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import dev.warden.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The advisory tables of the store (V3): revisions, the revision in force, matches, the review queue and KEV. Every
 * method runs on the caller's connection, so one import (revision, matches, review items) is one transaction.
 */
public final class AdvisoryStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String UPSERT_CURRENT = """
            INSERT INTO advisories (advisory_id, sha256, revision, released, title, publisher, severity, cves, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (advisory_id) DO UPDATE SET sha256 = excluded.sha256, revision = excluded.revision,
                released = excluded.released, title = excluded.title, publisher = excluded.publisher,
                severity = excluded.severity, cves = excluded.cves, updated_at = excluded.updated_at""";
    private static final String UPSERT_MATCH = """
            INSERT INTO advisory_matches (advisory_id, cve, device_ip, product_id, revision, confidence, reasons, severity,
                remedy_category, remedy_details, remedy_url, fixed_firmware, first_matched, last_matched, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')
            ON CONFLICT (advisory_id, cve, device_ip, product_id) DO UPDATE SET revision = excluded.revision,
                confidence = excluded.confidence, reasons = excluded.reasons, severity = excluded.severity,
                remedy_category = excluded.remedy_category, remedy_details = excluded.remedy_details,
                remedy_url = excluded.remedy_url, fixed_firmware = excluded.fixed_firmware,
                last_matched = excluded.last_matched, state = 'active'""";
    private static final String UPSERT_REVIEW = """
            INSERT INTO advisory_review (advisory_id, product_id, reason, text, status, first_seen, last_seen)
            VALUES (?, ?, ?, ?, 'open', ?, ?)
            ON CONFLICT (advisory_id, product_id, reason) DO UPDATE SET text = excluded.text, status = 'open',
                last_seen = excluded.last_seen""";
    private static final String UPSERT_KEV = """
            INSERT INTO kev_entries (cve, date_added, required_action, due_date, ransomware, imported_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (cve) DO UPDATE SET date_added = excluded.date_added, required_action = excluded.required_action,
                due_date = excluded.due_date, ransomware = excluded.ransomware, imported_at = excluded.imported_at""";

    private AdvisoryStore() {
    }

    /** Stores a revision; it becomes the one in force unless an advisory released later is in force already. */
    public static SaveOutcome save(Connection c, NewRevision r, long now) throws SQLException {
        Advisory a = r.advisory();
        boolean known = !Sql.query(c, "SELECT 1 AS x FROM advisory_revisions WHERE advisory_id = ? AND sha256 = ?",
                rs -> 1, a.id(), r.sha256()).isEmpty();
        if (known) {
            return SaveOutcome.UNCHANGED;
        }
        Long released = a.released() == null ? null : a.released().toEpochMilli();
        Sql.update(c, """
                INSERT INTO advisory_revisions (advisory_id, sha256, revision, released, title, publisher, source,
                    imported_at, raw_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.id(), r.sha256(), a.revision(), released, a.title(), a.publisher(), r.source(), now, r.rawJson());
        List<Long> current = Sql.query(c, "SELECT released FROM advisories WHERE advisory_id = ?",
                rs -> Sql.longOrNull(rs, "released"), a.id());
        if (!current.isEmpty() && current.get(0) != null && released != null && released < current.get(0)) {
            return SaveOutcome.OLDER;
        }
        Sql.update(c, UPSERT_CURRENT, a.id(), r.sha256(), a.revision(), released, a.title(), a.publisher(),
                a.severity().wireName(), String.join(",", a.cves()), now);
        return current.isEmpty() ? SaveOutcome.NEW : SaveOutcome.UPDATED;
    }

    /** The raw JSON of the revision in force of every advisory, by id. */
    public static Map<String, String> currentDocuments(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (String[] row : Sql.query(c, """
                SELECT a.advisory_id, r.raw_json FROM advisories a
                JOIN advisory_revisions r ON r.advisory_id = a.advisory_id AND r.sha256 = a.sha256""",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** The raw JSON of the revision in force of one advisory, or null. */
    public static String currentDocument(Connection c, String advisoryId) throws SQLException {
        List<String> raw = Sql.query(c, """
                SELECT r.raw_json FROM advisories a
                JOIN advisory_revisions r ON r.advisory_id = a.advisory_id AND r.sha256 = a.sha256
                WHERE a.advisory_id = ?""", rs -> rs.getString(1), advisoryId);
        return raw.isEmpty() ? null : raw.get(0);
    }

    /**
     * Makes {@code matches} the active matches of the advisory: new ones are added, existing ones refreshed, and
     * active ones not in the list withdrawn.
     *
     * @return the matches added and the matches withdrawn (as they were stored)
     */
    public static MatchChanges replaceMatches(Connection c, String advisoryId, List<AdvisoryMatch> matches, long now)
            throws SQLException {
        Map<String, AdvisoryMatch> before = new HashMap<>();
        for (MatchRow m : matches(c, "advisory_id = ? AND state = 'active'", advisoryId)) {
            before.put(key(m.match()), m.match());
        }
        List<AdvisoryMatch> added = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Map<String, AdvisoryMatch> after = new HashMap<>();
        for (AdvisoryMatch m : matches) {
            after.put(key(m), m);
            if (!before.containsKey(key(m))) {
                added.add(m);
            }
            Remedy r = m.remedy();
            rows.add(new Object[] {m.advisoryId(), cve(m), m.deviceIp(), m.productId(), m.revision(), m.confidence(),
                JSON.writeValueAsString(m.reasons()), severity(m).wireName(), r == null ? null : r.category().wireName(),
                r == null ? null : r.details(), r == null ? null : r.url(), r == null ? null : r.fixedFirmware(), now, now});
        }
        Sql.batch(c, UPSERT_MATCH, rows);
        List<AdvisoryMatch> removed = new ArrayList<>();
        List<Object[]> withdrawn = new ArrayList<>();
        for (Map.Entry<String, AdvisoryMatch> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                AdvisoryMatch m = e.getValue();
                removed.add(m);
                withdrawn.add(new Object[] {now, m.advisoryId(), cve(m), m.deviceIp(), m.productId()});
            }
        }
        Sql.batch(c, """
                UPDATE advisory_matches SET state = 'withdrawn', last_matched = ?
                WHERE advisory_id = ? AND cve = ? AND device_ip = ? AND product_id = ?""", withdrawn);
        return new MatchChanges(added, removed);
    }

    /** Makes {@code items} the open review items of the advisory; earlier ones it no longer raises become obsolete. */
    public static void replaceReview(Connection c, String advisoryId, List<ReviewRow> items, long now) throws SQLException {
        Sql.update(c, "UPDATE advisory_review SET status = 'obsolete' WHERE advisory_id = ?", advisoryId);
        List<Object[]> rows = new ArrayList<>();
        for (ReviewRow r : items) {
            rows.add(new Object[] {advisoryId, r.productId(), r.reason(), r.text(), now, now});
        }
        Sql.batch(c, UPSERT_REVIEW, rows);
    }

    /** Stores or refreshes KEV entries. */
    public static void saveKev(Connection c, Iterable<KnownExploited> entries, long now) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (KnownExploited k : entries) {
            rows.add(new Object[] {k.cve(), text(k.dateAdded()), k.requiredAction(), text(k.dueDate()), k.ransomware(), now});
        }
        Sql.batch(c, UPSERT_KEV, rows);
    }

    /** Every stored KEV entry, by CVE. */
    public static Map<String, KnownExploited> kev(Connection c) throws SQLException {
        Map<String, KnownExploited> out = new HashMap<>();
        for (KnownExploited k : Sql.query(c, "SELECT * FROM kev_entries", rs -> new KnownExploited(rs.getString("cve"),
                date(rs.getString("date_added")), rs.getString("required_action"), date(rs.getString("due_date")),
                rs.getString("ransomware")))) {
            out.put(k.cve(), k);
        }
        return out;
    }

    /** The advisories in force, newest release first; only {@code advisoryId} unless it is null. */
    public static List<AdvisoryRow> advisories(Connection c, String advisoryId) throws SQLException {
        String where = advisoryId == null ? "" : "WHERE a.advisory_id = ?";
        Object[] args = advisoryId == null ? new Object[0] : new Object[] {advisoryId};
        return Sql.query(c, """
                SELECT a.*,
                  (SELECT COUNT(DISTINCT m.device_ip) FROM advisory_matches m
                     WHERE m.advisory_id = a.advisory_id AND m.state = 'active') AS devices,
                  (SELECT COUNT(*) FROM advisory_review v
                     WHERE v.advisory_id = a.advisory_id AND v.status = 'open') AS open_review
                FROM advisories a %s
                ORDER BY a.released DESC, a.advisory_id""".formatted(where), rs -> new AdvisoryRow(rs.getString("advisory_id"),
                rs.getString("revision"), Sql.longOrNull(rs, "released"), rs.getString("title"),
                rs.getString("publisher"), rs.getString("severity"), split(rs.getString("cves")), rs.getInt("devices"),
                rs.getInt("open_review")), args);
    }

    /** Every revision of one advisory, oldest release first. */
    public static List<RevisionRow> revisions(Connection c, String advisoryId) throws SQLException {
        return Sql.query(c, """
                SELECT r.*, CASE WHEN a.sha256 = r.sha256 THEN 1 ELSE 0 END AS is_current
                FROM advisory_revisions r LEFT JOIN advisories a ON a.advisory_id = r.advisory_id
                WHERE r.advisory_id = ? ORDER BY r.released, r.imported_at""",
                rs -> new RevisionRow(rs.getString("advisory_id"), rs.getString("revision"), Sql.longOrNull(rs, "released"),
                        rs.getString("sha256"), rs.getString("source"), rs.getLong("imported_at"),
                        rs.getInt("is_current") == 1), advisoryId);
    }

    /** Matches selected by a WHERE clause over advisory_matches, by advisory, device and CVE. */
    public static List<MatchRow> matches(Connection c, String where, Object... args) throws SQLException {
        return Sql.query(c, "SELECT * FROM advisory_matches WHERE " + where
                + " ORDER BY advisory_id, device_ip, cve, product_id", AdvisoryStore::matchRow, args);
    }

    /** Review items selected by a WHERE clause over advisory_review. */
    public static List<ReviewRow> review(Connection c, String where, Object... args) throws SQLException {
        return Sql.query(c, "SELECT * FROM advisory_review WHERE " + where + " ORDER BY advisory_id, product_id, reason",
                rs -> new ReviewRow(rs.getString("advisory_id"), rs.getString("product_id"), rs.getString("reason"),
                        rs.getString("text"), rs.getString("status").equals("open")), args);
    }

    private static MatchRow matchRow(ResultSet rs) throws SQLException {
        String category = rs.getString("remedy_category");
        String productId = rs.getString("product_id");
        Remedy remedy = category == null ? null : new Remedy(Remedy.Category.fromWire(category),
                rs.getString("remedy_details"), rs.getString("remedy_url"), Set.of(productId), rs.getString("fixed_firmware"));
        String cve = rs.getString("cve");
        AdvisoryMatch m = new AdvisoryMatch(rs.getString("advisory_id"), rs.getString("revision"),
                cve.isEmpty() ? null : cve, rs.getString("device_ip"), productId, rs.getDouble("confidence"),
                JSON.readValue(rs.getString("reasons"), STRINGS), Severity.fromWire(rs.getString("severity")), remedy);
        return new MatchRow(m, rs.getLong("first_matched"), rs.getLong("last_matched"),
                rs.getString("state").equals("active"));
    }

    private static String key(AdvisoryMatch m) {
        return m.advisoryId() + '\n' + cve(m) + '\n' + m.deviceIp() + '\n' + m.productId();
    }

    private static String cve(AdvisoryMatch m) {
        return m.cve() == null ? "" : m.cve();
    }

    private static Severity severity(AdvisoryMatch m) {
        return Objects.requireNonNullElse(m.severity(), Severity.INFO);
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
