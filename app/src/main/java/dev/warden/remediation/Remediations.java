package dev.warden.remediation;

import dev.warden.model.KnownExploited;
import dev.warden.model.Severity;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Remediation items in the store: opened (or refreshed) when an advisory matches a device, moved by people through
 * {@link #set}, moved to verified by {@link #firmwareSeen} only, listed with their due dates.
 */
public final class Remediations {
    private final Store store;
    private final Clock clock;
    private final VersionOrder versions;

    public Remediations(Store store, Clock clock, VersionOrder versions) {
        this.store = store;
        this.clock = clock;
        this.versions = versions;
    }

    /**
     * Opens the item, or refreshes revision, severity, action and fixed firmware of an existing one (its state and
     * due date stay). Runs inside the caller's transaction so the outbox row that reports it commits with it.
     */
    public static void open(Connection c, DuePolicy policy, Instant now, String ip, String advisoryId, String cve,
                            String revision, Severity severity, KnownExploited kev, RecommendedAction action) throws SQLException {
        String key = cve == null ? "" : cve;
        long due = policy.due(severity, now, kev).toEpochMilli();
        Sql.update(c, """
                INSERT INTO remediations (ip, advisory_id, cve, revision, severity, state, reason, action, action_hash,
                    fixed_firmware, opened, due, updated, verified_at)
                VALUES (?, ?, ?, ?, ?, 'open', NULL, ?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (ip, advisory_id, cve) DO UPDATE SET revision = excluded.revision,
                    severity = excluded.severity, action = excluded.action, action_hash = excluded.action_hash,
                    fixed_firmware = excluded.fixed_firmware, updated = excluded.updated""",
                ip, advisoryId, key, revision, severity.wireName(), action.text(), action.hash(), action.fixedFirmware(),
                now.toEpochMilli(), due, now.toEpochMilli());
    }

    /** Every item, most urgent first; {@code overdueOnly} keeps those past due and still active. */
    public List<Remediation> list(boolean overdueOnly) {
        Instant now = clock.instant();
        List<Remediation> all = store.transaction(c -> all(c));
        return overdueOnly ? all.stream().filter(r -> r.overdue(now)).toList() : all;
    }

    /** Items still active whose due date has passed, inside a transaction. */
    public static List<Remediation> overdue(Connection c, Instant now) throws SQLException {
        return Sql.query(c, "SELECT * FROM remediations WHERE state IN ('open', 'acknowledged', 'in_progress') AND due < ? "
                + "ORDER BY due, ip, advisory_id, cve", Remediations::row, now.toEpochMilli());
    }

    /**
     * Moves items by hand. With {@code cve} null every item of the advisory on the device moves.
     *
     * @return the items as they are now
     * @throws IllegalArgumentException when no item matches, the move is not allowed, or a needed reason is missing
     */
    public List<Remediation> set(String ip, String advisoryId, String cve, RemediationState to, String reason) {
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("moving to " + to.wireName() + " needs --reason");
        }
        long now = clock.millis();
        String which = "ip = ? AND advisory_id = ?" + (cve == null ? "" : " AND cve = ?");
        Object[] keys = cve == null ? new Object[] {ip, advisoryId} : new Object[] {ip, advisoryId, cve};
        return store.transaction(c -> {
            List<Remediation> items = Sql.query(c, "SELECT * FROM remediations WHERE " + which + " ORDER BY cve", Remediations::row, keys);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("no remediation for " + ip + " and " + advisoryId + (cve == null ? "" : " " + cve));
            }
            for (Remediation r : items) {
                String why = r.state().refuseManual(to);
                if (why != null) {
                    throw new IllegalArgumentException(ip + " " + advisoryId + (r.cve().isEmpty() ? "" : " " + r.cve()) + ": " + why);
                }
            }
            Object[] args = new Object[keys.length + 3];
            args[0] = to.wireName();
            args[1] = reason;
            args[2] = now;
            System.arraycopy(keys, 0, args, 3, keys.length);
            Sql.update(c, "UPDATE remediations SET state = ?, reason = ?, updated = ?, verified_at = NULL WHERE " + which, args);
            return Sql.query(c, "SELECT * FROM remediations WHERE " + which + " ORDER BY cve", Remediations::row, keys);
        });
    }

    /**
     * The re-assessment hook: a scan has just read {@code firmware} from the device (never call it with firmware the
     * inventory merely remembers). An item moves to verified when the advisory names a fixed firmware and the device
     * has reached it (on its firmware line), or, when the advisory names none ("update to the newest firmware"), when
     * the advisory matched this device and, re-matched against what the device reports now, no longer does. False
     * positives and verified items stay as they are. Returns the items it verified.
     */
    public List<Remediation> firmwareSeen(String ip, String firmware) {
        if (firmware == null || firmware.isBlank()) {
            return List.of();
        }
        long now = clock.millis();
        return store.transaction(c -> {
            List<String> vendor = Sql.query(c, "SELECT vendor FROM devices WHERE ip = ?", rs -> rs.getString("vendor"), ip);
            List<Remediation> out = new ArrayList<>();
            List<Remediation> items = Sql.query(c, "SELECT * FROM remediations WHERE ip = ? "
                    + "AND state NOT IN ('verified', 'false_positive') ORDER BY advisory_id, cve", Remediations::row, ip);
            for (Remediation r : items) {
                String why = r.fixedFirmware() != null
                        ? versions.reached(vendor.isEmpty() ? null : vendor.get(0), firmware, r.fixedFirmware())
                                ? "device reports firmware " + firmware + ", the fix is " + r.fixedFirmware() : null
                        : withdrawn(c, r) ? "device reports firmware " + firmware + ", which the advisory no longer affects" : null;
                if (why != null) {
                    Sql.update(c, "UPDATE remediations SET state = 'verified', reason = ?, updated = ?, verified_at = ? "
                            + "WHERE ip = ? AND advisory_id = ? AND cve = ?", why, now, now, ip, r.advisoryId(), r.cve());
                    out.add(Sql.query(c, "SELECT * FROM remediations WHERE ip = ? AND advisory_id = ? AND cve = ?",
                            Remediations::row, ip, r.advisoryId(), r.cve()).get(0));
                }
            }
            return out;
        });
    }

    /** Whether the advisory matched the device for this vulnerability and no longer does (re-matched since). */
    private static boolean withdrawn(Connection c, Remediation r) throws SQLException {
        List<String> states = Sql.query(c, "SELECT DISTINCT state FROM advisory_matches WHERE device_ip = ? AND advisory_id = ? "
                + "AND cve = ?", rs -> rs.getString("state"), r.ip(), r.advisoryId(), r.cve());
        return !states.isEmpty() && !states.contains("active");
    }

    private static List<Remediation> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT * FROM remediations ORDER BY due, ip, advisory_id, cve", Remediations::row);
    }

    static Remediation row(ResultSet rs) throws SQLException {
        Long verified = Sql.longOrNull(rs, "verified_at");
        return new Remediation(rs.getString("ip"), rs.getString("advisory_id"), rs.getString("cve"), rs.getString("revision"),
                Severity.fromWire(rs.getString("severity")), RemediationState.fromWire(rs.getString("state")),
                rs.getString("reason"), rs.getString("action"), rs.getString("fixed_firmware"),
                Instant.ofEpochMilli(rs.getLong("opened")), Instant.ofEpochMilli(rs.getLong("due")),
                Instant.ofEpochMilli(rs.getLong("updated")), verified == null ? null : Instant.ofEpochMilli(verified));
    }
}
