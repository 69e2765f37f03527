package dev.warden.notify;

import dev.warden.remediation.RecommendedAction;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table: notifications written in the same transaction as the change they report, read back by the
 * {@link Deliverer}. A dedup key enters at most once, whatever its status, so a notification that was sent is never
 * queued again, not after a restart either.
 */
public final class Outbox {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Store store;

    public Outbox(Store store) {
        this.store = store;
    }

    /** The dedup key of a notification: sha256 over its parts joined with newlines. */
    public static String dedupKey(String... parts) {
        return RecommendedAction.sha256(String.join("\n", parts));
    }

    /**
     * Queues a notification unless its dedup key is already there. For the advisory topic, an older pending item for
     * the same endpoint, advisory and device is superseded: only the latest action is worth sending.
     *
     * @return true when it was queued
     */
    static boolean enqueue(Connection c, String dedupKey, String owner, Channel channel, String endpoint, String topic,
                           String advisoryId, String ip, Map<String, Object> payload, Instant now) throws SQLException {
        int n = Sql.update(c, """
                INSERT INTO outbox (id, dedup_key, owner, channel, endpoint, topic, advisory_id, ip, payload, created,
                    attempts, next_attempt_at, status, last_error, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'pending', NULL, NULL)
                ON CONFLICT (dedup_key) DO NOTHING""",
                UUID.randomUUID().toString(), dedupKey, owner, channel.wireName(), endpoint, topic, advisoryId, ip,
                JSON.writeValueAsString(payload), now.toEpochMilli(), now.toEpochMilli());
        if (n == 1 && topic.equals(Notifier.TOPIC_ADVISORY)) {
            Sql.update(c, """
                    UPDATE outbox SET status = 'superseded' WHERE status = 'pending' AND topic = ? AND channel = ?
                    AND endpoint = ? AND advisory_id = ? AND ip = ? AND dedup_key <> ?""",
                    topic, channel.wireName(), endpoint, advisoryId, ip, dedupKey);
        }
        return n == 1;
    }

    /** Pending items that may be tried now, oldest first, at most {@code limit}. */
    List<OutboxItem> due(Instant now, int limit) {
        return store.transaction(c -> Sql.query(c, "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                + "ORDER BY created, ip, advisory_id, id LIMIT " + limit, Outbox::row, now.toEpochMilli()));
    }

    /**
     * Claims an item for one attempt by pushing its next attempt past the lease; false when another run claimed it
     * first (its next_attempt_at moved).
     */
    boolean claim(OutboxItem item, Instant leaseUntil) {
        return store.transaction(c -> Sql.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending' "
                + "AND next_attempt_at = ?", leaseUntil.toEpochMilli(), item.id(), item.nextAttemptAt().toEpochMilli())) == 1;
    }

    void markSent(List<String> ids, Instant now) {
        store.transaction(c -> {
            for (String id : ids) {
                Sql.update(c, "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ?", now.toEpochMilli(), id);
            }
            return null;
        });
    }

    /** Records a failed attempt: retried at {@code next}, or dead when {@code dead}. */
    void markFailed(List<String> ids, String error, Instant next, boolean dead) {
        String e = error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error;
        store.transaction(c -> {
            for (String id : ids) {
                Sql.update(c, "UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                        + "WHERE id = ?", dead ? "dead" : "pending", next.toEpochMilli(), e, id);
            }
            return null;
        });
    }

    /** Every item, newest first, at most {@code limit}; {@code status} null for all. */
    public List<OutboxItem> list(String status, int limit) {
        return store.transaction(c -> status == null
                ? Sql.query(c, "SELECT * FROM outbox ORDER BY created DESC, id LIMIT " + limit, Outbox::row)
                : Sql.query(c, "SELECT * FROM outbox WHERE status = ? ORDER BY created DESC, id LIMIT " + limit, Outbox::row, status));
    }

    private static OutboxItem row(ResultSet rs) throws SQLException {
        Long sent = Sql.longOrNull(rs, "sent_at");
        return new OutboxItem(rs.getString("id"), rs.getString("dedup_key"), rs.getString("owner"),
                Channel.fromWire(rs.getString("channel")), rs.getString("endpoint"), rs.getString("topic"),
                rs.getString("advisory_id"), rs.getString("ip"), JSON.readValue(rs.getString("payload"), MAP),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("status"),
                rs.getString("last_error"), sent == null ? null : Instant.ofEpochMilli(sent));
    }
}
