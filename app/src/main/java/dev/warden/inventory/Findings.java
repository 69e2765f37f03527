package dev.warden.inventory;

import dev.warden.model.Finding;
import dev.warden.model.Severity;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Findings across assessments. A finding is identified by device, port and check; each assessment refreshes the ones
 * it found, and closes (status fixed) the open ones of the devices it assessed but did not find again. Evidence must
 * arrive redacted: the store keeps what it is given.
 */
public final class Findings {
    private static final String UPSERT = """
            INSERT INTO findings (ip, port, check_id, title, severity, cvss, cvss_score, cve, cwe, evidence,
                                  remediation, status, first_seen, last_seen, fixed_at, first_scan, last_scan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, NULL, ?, ?)
            ON CONFLICT (ip, port, check_id) DO UPDATE SET title = excluded.title, severity = excluded.severity,
                cvss = excluded.cvss, cvss_score = excluded.cvss_score, cve = excluded.cve, cwe = excluded.cwe,
                evidence = excluded.evidence, remediation = excluded.remediation, status = 'open',
                last_seen = excluded.last_seen, fixed_at = NULL, last_scan = excluded.last_scan""";
    private static final Comparator<KnownFinding> ORDER = Comparator
            .comparing((KnownFinding f) -> f.finding().ip(), IpOrder.COMPARATOR)
            .thenComparing(f -> f.finding().severity(), Comparator.reverseOrder())
            .thenComparingInt(f -> f.finding().port())
            .thenComparing(f -> f.finding().check());

    private final Store store;

    public Findings(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Records what an assessment found. Of several findings with the same device, port and check the first is kept.
     *
     * @param scan        the assessment (recorded if new, extended if already recorded)
     * @param found       what it found; every finding's ip must be among {@code ipsAssessed}
     * @param ipsAssessed the devices it assessed: their open findings not found again become fixed
     */
    public FindingCounts record(Scan scan, List<Finding> found, Collection<String> ipsAssessed) {
        if (scan.kind() != ScanKind.ASSESS) {
            throw new IllegalArgumentException("scan " + scan.id() + " is a " + scan.kind().wireName() + ", not an assessment");
        }
        Set<String> assessed = Set.copyOf(ipsAssessed);
        Map<Key, Finding> unique = new LinkedHashMap<>();
        for (Finding f : found) {
            if (!assessed.contains(f.ip())) {
                throw new IllegalArgumentException("finding " + f.check() + " on " + f.ip()
                        + " is for a device the assessment did not list as assessed");
            }
            unique.putIfAbsent(new Key(f.ip(), f.port(), f.check()), f);
        }
        return store.transaction(c -> {
            Scans.insertOrExtend(c, scan);
            Map<Key, FindingStatus> before = new HashMap<>();
            for (Map.Entry<Key, FindingStatus> e : Sql.query(c, "SELECT ip, port, check_id, status FROM findings",
                    rs -> Map.entry(new Key(rs.getString("ip"), rs.getInt("port"), rs.getString("check_id")),
                            FindingStatus.fromWire(rs.getString("status"))))) {
                if (assessed.contains(e.getKey().ip())) {
                    before.put(e.getKey(), e.getValue());
                }
            }
            int opened = 0;
            int reopened = 0;
            int open = 0;
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<Key, Finding> e : unique.entrySet()) {
                FindingStatus was = before.remove(e.getKey());
                if (was == null) {
                    opened++;
                } else if (was == FindingStatus.FIXED) {
                    reopened++;
                } else {
                    open++;
                }
                Finding f = e.getValue();
                rows.add(new Object[] {f.ip(), f.port(), f.check(), f.title(), f.severity().wireName(), f.cvss(),
                    f.cvssScore(), String.join(",", f.cve()), String.join(",", f.cwe()), f.evidence(), f.remediation(),
                    scan.finished(), scan.finished(), scan.id(), scan.id()});
            }
            Sql.batch(c, UPSERT, rows);
            List<Object[]> fixed = new ArrayList<>();
            before.forEach((k, status) -> {
                if (status == FindingStatus.OPEN) {
                    fixed.add(new Object[] {scan.finished(), k.ip(), k.port(), k.check()});
                }
            });
            Sql.batch(c, "UPDATE findings SET status = 'fixed', fixed_at = ? WHERE ip = ? AND port = ? AND check_id = ?",
                    fixed);
            return new FindingCounts(opened, reopened, fixed.size(), open);
        });
    }

    /** Every open finding, by device, most severe first. */
    public List<KnownFinding> open() {
        return query("WHERE status = 'open'");
    }

    /** The open findings of one device, most severe first. */
    public List<KnownFinding> open(String ip) {
        return query("WHERE status = 'open' AND ip = ?", ip);
    }

    private List<KnownFinding> query(String where, Object... args) {
        List<KnownFinding> out = store.transaction(c -> Sql.query(c, "SELECT * FROM findings " + where, Findings::row, args));
        out.sort(ORDER);
        return out;
    }

    private static KnownFinding row(ResultSet rs) throws SQLException {
        Finding f = new Finding(rs.getString("ip"), rs.getInt("port"), rs.getString("check_id"), rs.getString("title"),
                Severity.fromWire(rs.getString("severity")), rs.getString("cvss"), Sql.doubleOrNaN(rs, "cvss_score"),
                ids(rs.getString("cve")), ids(rs.getString("cwe")), rs.getString("evidence"), rs.getString("remediation"));
        return new KnownFinding(f, FindingStatus.fromWire(rs.getString("status")), rs.getLong("first_seen"),
                rs.getLong("last_seen"), Sql.longOrNull(rs, "fixed_at"), rs.getString("first_scan"),
                rs.getString("last_scan"));
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** What identifies a finding across assessments. */
    private record Key(String ip, int port, String check) {
    }
}
