package dev.warden.inventory;

import dev.warden.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code scans} table: recording scans in order, and finding one by id or unique id prefix. */
final class Scans {
    private static final String SELECT = "SELECT id, kind, started, finished, targets, seq FROM scans ";
    private static final int MIN_PREFIX = 4;

    private Scans() {
    }

    /** Records a new scan as the latest one. */
    static void insert(Connection c, Scan s) throws SQLException {
        if (find(c, s.id()).isPresent()) {
            throw new IllegalArgumentException("scan " + s.id() + " is already recorded");
        }
        long seq = Sql.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM scans", rs -> rs.getLong("next")).get(0);
        Sql.update(c, "INSERT INTO scans (id, seq, kind, started, finished, targets) VALUES (?, ?, ?, ?, ?, ?)",
                s.id(), seq, s.kind().wireName(), s.started(), s.finished(), s.targets());
    }

    /** Records the scan if new; if it is already recorded (an assessment stored in steps), extends its finish time. */
    static void insertOrExtend(Connection c, Scan s) throws SQLException {
        Optional<Scan> old = find(c, s.id());
        if (old.isEmpty()) {
            insert(c, s);
            return;
        }
        if (old.get().kind() != s.kind()) {
            throw new IllegalArgumentException("scan " + s.id() + " is recorded as a " + old.get().kind().wireName()
                    + ", not a " + s.kind().wireName());
        }
        Sql.update(c, "UPDATE scans SET finished = ? WHERE id = ? AND finished < ?", s.finished(), s.id(), s.finished());
    }

    static List<Scan> list(Connection c) throws SQLException {
        return Sql.query(c, SELECT + "ORDER BY seq", Scans::row);
    }

    /** The scan whose id is {@code ref} or starts with it (at least 4 characters, matching exactly one scan). */
    static Scan resolve(Connection c, String ref) throws SQLException {
        Optional<Scan> exact = find(c, ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (ref.length() < MIN_PREFIX) {
            throw new IllegalArgumentException("unknown scan '" + ref + "' (give its id or at least "
                    + MIN_PREFIX + " leading characters of it)");
        }
        List<Scan> m = Sql.query(c, SELECT + "WHERE substr(id, 1, ?) = ? ORDER BY seq", Scans::row, ref.length(), ref);
        if (m.isEmpty()) {
            throw new IllegalArgumentException("unknown scan '" + ref + "'");
        }
        if (m.size() > 1) {
            throw new IllegalArgumentException("scan '" + ref + "' is ambiguous: " + m.size() + " scans start with it");
        }
        return m.get(0);
    }

    /** The scan's position in recording order. */
    static long seq(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT seq FROM scans WHERE id = ?", rs -> rs.getLong("seq"), id).get(0);
    }

    private static Optional<Scan> find(Connection c, String id) throws SQLException {
        return Sql.query(c, SELECT + "WHERE id = ?", Scans::row, id).stream().findFirst();
    }

    private static Scan row(ResultSet rs) throws SQLException {
        return new Scan(rs.getString("id"), ScanKind.fromWire(rs.getString("kind")), rs.getLong("started"),
                rs.getLong("finished"), rs.getString("targets"));
    }
}
