package dev.warden.incident;

import dev.warden.model.Severity;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import dev.warden.watch.detect.Alert;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code alerts} and {@code incidents} tables. {@link #record} stores a run's alerts (again storing the same alert
 * from the same input is a no-op) and folds each new {@link Alert.Role#SOURCE} alert into its host's open incident
 * when it comes within the folding gap of it; otherwise the open incident is closed and a new one opened. Victim alerts
 * are stored but start no incident.
 */
public final class Incidents {
    /** Default quiet time after which a device's next alert opens a new incident. */
    public static final Duration DEFAULT_GAP = Duration.ofHours(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INCIDENT = "SELECT id, host, first_seen_ns, last_seen_ns, alert_count, kinds, "
            + "max_severity, status FROM incidents ";

    private final Store store;
    private final long gapNanos;

    public Incidents(Store store) {
        this(store, DEFAULT_GAP);
    }

    public Incidents(Store store, Duration gap) {
        this.store = Objects.requireNonNull(store, "store");
        this.gapNanos = gap.toNanos();
    }

    /** Stores the alerts of one input ({@code source}, e.g. {@code pcap:/data/x.pcap}); returns how many were new. */
    public int record(List<Alert> alerts, String source) {
        return store.transaction(c -> {
            int added = 0;
            for (Alert a : alerts) {
                int n = Sql.update(c, "INSERT INTO alerts (ts_ns, host, kind, severity, role, peers, evidence, counts, "
                        + "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.tsNanos(), a.host(),
                        a.kind(), a.severity().wireName(), a.role().wireName(), JSON.writeValueAsString(a.peers()),
                        a.evidence() == null ? "" : a.evidence(), JSON.writeValueAsString(a.counts()), source);
                if (n == 1) {
                    added++;
                    if (a.role() == Alert.Role.SOURCE) {
                        long id = fold(c, a);
                        Sql.update(c, "UPDATE alerts SET incident_id = ? WHERE host = ? AND kind = ? AND ts_ns = ? "
                                + "AND source = ?", id, a.host(), a.kind(), a.tsNanos(), source);
                    }
                }
            }
            return added;
        });
    }

    /** Incidents, oldest first; only {@code host}'s when it is not null. */
    public List<Incident> list(String host) {
        return store.transaction(c -> host == null
                ? Sql.query(c, INCIDENT + "ORDER BY first_seen_ns, id", Incidents::incident)
                : Sql.query(c, INCIDENT + "WHERE host = ? ORDER BY first_seen_ns, id", Incidents::incident, host));
    }

    /** The stored alerts about {@code host} (victim alerts included), oldest first. */
    public List<Alert> alerts(String host) {
        return store.transaction(c -> Sql.query(c, "SELECT ts_ns, host, kind, severity, role, peers, evidence, counts "
                + "FROM alerts WHERE host = ? ORDER BY ts_ns, kind", Incidents::alert, host));
    }

    /** Folds {@code a} into its host's open incident, or opens one; returns the incident's id. */
    private long fold(Connection c, Alert a) throws SQLException {
        Optional<Incident> open = Sql.query(c, INCIDENT + "WHERE host = ? AND status = 'open'", Incidents::incident,
                a.host()).stream().findFirst();
        if (open.isPresent()) {
            Incident i = open.get();
            if (a.tsNanos() <= i.lastSeenNanos() + gapNanos && a.tsNanos() >= i.firstSeenNanos() - gapNanos) {
                TreeSet<String> kinds = new TreeSet<>(i.kinds());
                kinds.add(a.kind());
                Severity worst = a.severity().compareTo(i.maxSeverity()) > 0 ? a.severity() : i.maxSeverity();
                Sql.update(c, "UPDATE incidents SET first_seen_ns = ?, last_seen_ns = ?, alert_count = ?, kinds = ?, "
                        + "max_severity = ? WHERE id = ?", Math.min(i.firstSeenNanos(), a.tsNanos()),
                        Math.max(i.lastSeenNanos(), a.tsNanos()), i.alerts() + 1, String.join(",", kinds),
                        worst.wireName(), i.id());
                return i.id();
            }
            Sql.update(c, "UPDATE incidents SET status = 'closed' WHERE id = ?", i.id());
        }
        long id = Sql.query(c, "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM incidents", rs -> rs.getLong("next")).get(0);
        Sql.update(c, "INSERT INTO incidents (id, host, first_seen_ns, last_seen_ns, alert_count, kinds, max_severity, "
                + "status) VALUES (?, ?, ?, ?, 1, ?, ?, 'open')", id, a.host(), a.tsNanos(), a.tsNanos(), a.kind(),
                a.severity().wireName());
        return id;
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("host"), rs.getLong("first_seen_ns"),
                rs.getLong("last_seen_ns"), rs.getLong("alert_count"),
                Arrays.asList(rs.getString("kinds").split(",")), Severity.fromWire(rs.getString("max_severity")),
                Incident.Status.fromWire(rs.getString("status")));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        List<String> peers = JSON.readValue(rs.getString("peers"), new TypeReference<List<String>>() { });
        Map<String, Long> counts = JSON.readValue(rs.getString("counts"),
                new TypeReference<LinkedHashMap<String, Long>>() { });
        return new Alert(rs.getLong("ts_ns"), rs.getString("host"), rs.getString("kind"),
                Severity.fromWire(rs.getString("severity")), peers, rs.getString("evidence"), counts,
                "victim".equals(rs.getString("role")) ? Alert.Role.VICTIM : Alert.Role.SOURCE);
    }
}
