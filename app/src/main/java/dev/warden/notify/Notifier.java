package dev.warden.notify;

import dev.warden.advise.service.AdvisoryDetail;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.advise.store.MatchRow;
import dev.warden.advise.service.MatchListener;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.KnownExploited;
import dev.warden.model.Severity;
import dev.warden.model.Vulnerability;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.DuePolicy;
import dev.warden.remediation.RecommendedAction;
import dev.warden.remediation.Remediation;
import dev.warden.remediation.Remediations;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns advisory matches into remediation items and owner notifications, in one transaction per call (the
 * transactional outbox: a notification exists exactly when the change it reports does). Also queues the daily
 * reminders for overdue items. Delivery is the {@link Deliverer}'s job.
 *
 * <p>One notification covers one advisory on one device for one endpoint and lists every action still open for it.
 * Its dedup key includes the hash of those actions, so a new revision of the advisory notifies again only when what
 * the owner must do changed.
 */
public final class Notifier {
    static final String TOPIC_ADVISORY = "advisory";
    static final String TOPIC_OVERDUE = "overdue";

    private final Store store;
    private final DuePolicy due;
    private final Clock clock;

    /**
     * What one call did.
     *
     * @param remediations remediation items opened or refreshed
     * @param queued       notifications queued (one per endpoint and device)
     * @param unowned      devices nobody answers for (nothing could be queued for them)
     */
    public record Result(int remediations, int queued, List<String> unowned) {
    }

    public Notifier(Store store, DuePolicy due, Clock clock) {
        this.store = store;
        this.due = due;
        this.clock = clock;
    }

    /**
     * This notifier as an {@link AdvisoryService} listener: the matches an import or a re-match added open
     * remediation items and queue the owners' notifications (withdrawn matches wait for a re-assessment to verify).
     */
    public MatchListener listener() {
        return (added, removed, advisory) -> {
            if (!added.isEmpty()) {
                onMatches(advisory, added);
            }
        };
    }

    /** The entry point for the advisory matcher: {@code added} are the matches of one advisory revision. */
    public Result onMatches(Advisory advisory, List<AdvisoryMatch> added) {
        Instant now = clock.instant();
        Map<String, List<AdvisoryMatch>> byIp = new TreeMap<>();
        for (AdvisoryMatch m : added) {
            if (!m.advisoryId().equals(advisory.id())) {
                throw new IllegalArgumentException("match for " + m.advisoryId() + " given with advisory " + advisory.id());
            }
            byIp.computeIfAbsent(m.deviceIp(), k -> new ArrayList<>()).add(m);
        }
        return store.transaction(c -> {
            int items = 0;
            int queued = 0;
            List<String> unowned = new ArrayList<>();
            for (Map.Entry<String, List<AdvisoryMatch>> e : byIp.entrySet()) {
                for (AdvisoryMatch m : e.getValue()) {
                    Severity sev = m.severity() == null ? advisory.severity() : m.severity();
                    Remediations.open(c, due, now, m.deviceIp(), advisory.id(), m.cve(), advisory.revision(), sev,
                            kev(advisory, m.cve()), RecommendedAction.of(m.remedy()));
                    items++;
                }
                List<Owner> owners = Owners.ownersOf(c, e.getKey());
                if (owners.isEmpty()) {
                    unowned.add(e.getKey());
                    continue;
                }
                queued += queueAdvisory(c, advisory, e.getKey(), owners, now);
            }
            return new Result(items, queued, unowned);
        });
    }

    /**
     * Catches up matches that never reached {@link #onMatches}: the listener runs after the match transaction has
     * committed, so a process that died between the two left active matches without a remediation item (and without
     * a notification). {@code warden notify} calls this before delivering; each such match is handled as if just
     * added. Returns the remediation items it opened.
     */
    public int catchUp(AdvisoryService advisories) {
        List<String> ids = store.transaction(c -> Sql.query(c, """
                SELECT DISTINCT m.advisory_id FROM advisory_matches m WHERE m.state = 'active' AND NOT EXISTS (
                  SELECT 1 FROM remediations r
                  WHERE r.ip = m.device_ip AND r.advisory_id = m.advisory_id AND r.cve = m.cve)
                ORDER BY m.advisory_id""", rs -> rs.getString(1)));
        int opened = 0;
        for (String id : ids) {
            AdvisoryDetail detail = advisories.show(id);
            Set<String> handled = store.transaction(c -> new HashSet<>(Sql.query(c,
                    "SELECT ip || ' ' || cve FROM remediations WHERE advisory_id = ?", rs -> rs.getString(1), id)));
            List<AdvisoryMatch> missing = new ArrayList<>();
            for (MatchRow row : detail.matches()) {
                AdvisoryMatch m = row.match();
                if (row.active() && !handled.contains(m.deviceIp() + " " + (m.cve() == null ? "" : m.cve()))) {
                    missing.add(m);
                }
            }
            if (!missing.isEmpty()) {
                opened += onMatches(detail.advisory(), missing).remediations();
            }
        }
        return opened;
    }

    /** Queues one reminder per overdue item, owner endpoint and UTC day; returns how many were new. */
    public int remindOverdue() {
        Instant now = clock.instant();
        String day = DuePolicy.day(now).toString();
        return store.transaction(c -> {
            int queued = 0;
            for (Remediation r : Remediations.overdue(c, now)) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("topic", TOPIC_OVERDUE);
                p.put("advisory_id", r.advisoryId());
                p.put("revision", r.revision());
                p.put("title", r.advisoryId());
                p.put("url", null);
                p.put("ip", r.ip());
                p.put("device", describe(c, r.ip()));
                p.put("severity", r.severity().wireName());
                p.put("state", r.state().wireName());
                p.put("due", DuePolicy.day(r.due()).toString());
                p.put("actions", List.of(Map.of("cves", r.cve().isEmpty() ? List.of() : List.of(r.cve()), "action", r.action())));
                for (Owner o : Owners.ownersOf(c, r.ip())) {
                    for (Endpoint ep : endpoints(o)) {
                        String key = Outbox.dedupKey(ep.channel.wireName(), ep.address, TOPIC_OVERDUE, r.advisoryId(), r.ip(), r.cve(), day);
                        if (Outbox.enqueue(c, key, o.name(), ep.channel, ep.address, TOPIC_OVERDUE, r.advisoryId(), r.ip(), p, now)) {
                            queued++;
                        }
                    }
                }
            }
            return queued;
        });
    }

    private int queueAdvisory(Connection c, Advisory advisory, String ip, List<Owner> owners, Instant now) throws SQLException {
        // Everything still to do about this advisory on this device, from the store: robust to a caller that passes
        // only the matches a revision added.
        List<String[]> open = Sql.query(c, "SELECT cve, action, action_hash, severity, due FROM remediations WHERE ip = ? "
                + "AND advisory_id = ? AND state IN ('open', 'acknowledged', 'in_progress') ORDER BY cve", rs -> new String[] {
                    rs.getString("cve"), rs.getString("action"), rs.getString("action_hash"), rs.getString("severity"),
                    Long.toString(rs.getLong("due"))}, ip, advisory.id());
        if (open.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> cvesByAction = new LinkedHashMap<>();
        TreeSet<String> hashes = new TreeSet<>();
        Severity worst = Severity.INFO;
        long firstDue = Long.MAX_VALUE;
        for (String[] r : open) {
            List<String> cves = cvesByAction.computeIfAbsent(r[1], k -> new ArrayList<>());
            if (!r[0].isEmpty()) {
                cves.add(r[0]);
            }
            hashes.add(r[2]);
            Severity s = Severity.fromWire(r[3]);
            worst = s.compareTo(worst) > 0 ? s : worst;
            firstDue = Math.min(firstDue, Long.parseLong(r[4]));
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        cvesByAction.forEach((action, cves) -> actions.add(Map.of("cves", cves, "action", action)));
        String actionHash = RecommendedAction.sha256(String.join(",", hashes));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("topic", TOPIC_ADVISORY);
        p.put("advisory_id", advisory.id());
        p.put("revision", advisory.revision());
        p.put("title", advisory.title() == null ? advisory.id() : advisory.title());
        p.put("url", advisory.url());
        p.put("ip", ip);
        p.put("device", describe(c, ip));
        p.put("severity", worst.wireName());
        p.put("state", "open");
        p.put("due", DuePolicy.day(Instant.ofEpochMilli(firstDue)).toString());
        p.put("actions", actions);
        int queued = 0;
        for (Owner o : owners) {
            for (Endpoint ep : endpoints(o)) {
                String key = Outbox.dedupKey(ep.channel.wireName(), ep.address, TOPIC_ADVISORY, advisory.id(), ip, actionHash);
                if (Outbox.enqueue(c, key, o.name(), ep.channel, ep.address, TOPIC_ADVISORY, advisory.id(), ip, p, now)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private record Endpoint(Channel channel, String address) {
    }

    private static List<Endpoint> endpoints(Owner o) {
        List<Endpoint> out = new ArrayList<>();
        if (o.email() != null) {
            out.add(new Endpoint(Channel.EMAIL, o.email()));
        }
        if (o.webhookUrl() != null) {
            out.add(new Endpoint(Channel.WEBHOOK, o.webhookUrl()));
        }
        return out;
    }

    /** "Foscam FI9826P (firmware 2.11.1.120)" from the inventory, or just the address when it is not there. */
    private static String describe(Connection c, String ip) throws SQLException {
        List<String> d = Sql.query(c, "SELECT vendor, model, firmware FROM devices WHERE ip = ?", rs -> {
            StringBuilder sb = new StringBuilder();
            for (String f : new String[] {rs.getString("vendor"), rs.getString("model")}) {
                if (f != null) {
                    sb.append(sb.isEmpty() ? "" : " ").append(f);
                }
            }
            String fw = rs.getString("firmware");
            return (sb.isEmpty() ? "device" : sb) + (fw == null ? "" : " (firmware " + fw + ")");
        }, ip);
        return d.isEmpty() ? "device" : d.get(0);
    }

    private static KnownExploited kev(Advisory a, String cve) {
        for (Vulnerability v : a.vulnerabilities()) {
            if (cve != null && cve.equals(v.cve())) {
                return v.exploited();
            }
        }
        return null;
    }
}
