package dev.warden.watch.detect.c2;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.detect.NamedProvider;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * C2 fail-over, from flows alone: bots carry a list of C2 servers and, when one refuses, drops or ignores them, try
 * the next on the same port (Muhstik in IoT-23 3-1 went through five servers on TCP 2407). Per local host and remote
 * TCP port outside {@link FailoverRules#commonPorts()}: the distinct remote servers connected to within
 * {@link FailoverRules#windowNanos()}, and how many connections failed (SYN unanswered, or ended within
 * {@link FailoverRules#failNanos()}). {@link FailoverRules#minServers()} servers with at least
 * {@link FailoverRules#minFailures()} failures is the {@code fail-over} signal, listing the servers in the order
 * their connections started; {@link FailoverRules#retryFailures()} failures, even to one server, is the {@code retry}
 * signal (IoT-23 42-1: the bot reconnected to its one C2 server every few seconds for two hours, refused "Too many
 * connections", which is all a conn.log without payload shows of its IRC C2). A bot walks a short list; a scanner sweeps many addresses on one port: the alert waits
 * {@link FailoverRules#settleNanos()} of traffic time and is dropped when the host reaches more than
 * {@link FailoverRules#maxServers()} servers on that port (the scan detector's business, not C2).
 */
public final class FailoverDetector implements Detector {
    /** The detector's name and rule file stem. */
    public static final String NAME = "c2-failover";

    private final FailoverRules rules;
    /** {@code commonPorts()} as a bitmap: checked on every flow. */
    private final BitSet commonPorts;
    private final LocalNetworks local;
    /** Per host and port (folded into the key's int with the IP version). */
    private final AddressLru<Series> series;
    private final Set<Key> pending = new LinkedHashSet<>();

    public FailoverDetector(FailoverRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.commonPorts = RuleFields.portBits(rules.commonPorts());
        this.local = Objects.requireNonNull(local, "local");
        this.series = new AddressLru<>(rules.maxSeries());
    }

    /** Makes the detector from {@code c2-failover.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(NAME, c -> new FailoverDetector(FailoverRules.load(c.rules()), c.local()));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onFlow(FlowEvent flow, Consumer<Alert> out) {
        long now = flow.endNanos();
        if (flow.protocol() == PacketView.PROTO_TCP && flow.clientSyn()
                && !commonPorts.get(flow.serverPort())
                && local.contains(flow.clientHigh(), flow.clientLow())
                && !local.contains(flow.serverHigh(), flow.serverLow())) {
            add(flow, now);
        }
        raiseSettled(now, out);
    }

    @Override
    public void finish(long lastNanos, Consumer<Alert> out) {
        for (Key key : pending) {
            Series s = key.in(series);
            if (s != null) {
                s.readyAt = Math.min(s.readyAt, lastNanos);
            }
        }
        raiseSettled(lastNanos, out);
    }

    private void add(FlowEvent flow, long now) {
        int tag = Key.tag(flow.ipVersion(), flow.serverPort());
        Series s = series.get(tag, flow.clientHigh(), flow.clientLow());
        if (s == null) {
            s = new Series();
            series.add(tag, flow.clientHigh(), flow.clientLow(), s);
        }
        long t = flow.startNanos();
        if (s.servers.isEmpty() || Math.abs(t - s.windowStart) > rules.windowNanos()) {
            s.restart(t);
        }
        if (s.sweep) {
            return;
        }
        IpAddress server = new IpAddress(flow.ipVersion(), flow.serverHigh(), flow.serverLow());
        s.servers.merge(server, t, Math::min);
        if (s.servers.size() > rules.maxServers()) {
            s.sweep = true;
            s.servers.clear();
            s.servers.put(server, t);
            pending.remove(Key.of(flow));
            return;
        }
        if (flow.state() == TcpState.SYN || flow.endNanos() - flow.startNanos() < rules.failNanos()) {
            s.failures++;
            s.failed.add(server);
        }
        boolean failover = s.servers.size() >= rules.minServers() && s.failures >= rules.minFailures();
        if ((failover || s.failures >= rules.retryFailures())
                && (s.alertedAt == Long.MIN_VALUE || now - s.alertedAt >= rules.suppressNanos())) {
            Key key = Key.of(flow);
            if (!pending.contains(key)) {
                s.readyAt = now + rules.settleNanos();
                pending.add(key);
            }
        }
    }

    /** Alerts on the series whose settling time has passed without them turning into a sweep. */
    private void raiseSettled(long now, Consumer<Alert> out) {
        if (pending.isEmpty()) {
            return;
        }
        for (Iterator<Key> it = pending.iterator(); it.hasNext(); ) {
            Key key = it.next();
            Series s = key.in(series);
            if (s == null || s.sweep) {
                it.remove();
            } else if (s.readyAt <= now) {
                it.remove();
                s.alertedAt = s.readyAt;
                out.accept(alert(key, s, s.readyAt));
            }
        }
    }

    @Override
    public long dropped() {
        return series.dropped();
    }

    private Alert alert(Key key, Series s, long t) {
        List<Map.Entry<IpAddress, Long>> ordered = new ArrayList<>(s.servers.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        List<String> peers = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (Map.Entry<IpAddress, Long> e : ordered) {
            String peer = e.getKey() + ":" + key.port();
            peers.add(peer);
            list.append(list.isEmpty() ? "" : ", ").append(peer).append(s.failed.contains(e.getKey()) ? " (failed)" : "");
        }
        String evidence = "connections to " + ordered.size() + " servers on TCP port " + key.port() + ", "
                + s.failures + " failed (unanswered or closed within " + rules.failNanos() / 1_000_000_000L
                + " s): " + list;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("servers", (long) ordered.size());
        counts.put("failures", s.failures);
        counts.put("port", (long) key.port());
        String signal = ordered.size() >= rules.minServers() && s.failures >= rules.minFailures() ? "fail-over" : "retry";
        return C2Alert.of(t, key.host().toString(), rules.severity(), signal, peers, evidence, counts);
    }

    /** A local host and the remote port it connects to: held only for the series waiting to alert. */
    private record Key(IpAddress host, int port) {
        static Key of(FlowEvent flow) {
            return new Key(new IpAddress(flow.ipVersion(), flow.clientHigh(), flow.clientLow()), flow.serverPort());
        }

        static int tag(int version, int port) {
            return version | port << 16;
        }

        /** The key's series (an access, as a map lookup is), or null when it was dropped. */
        Series in(AddressLru<Series> series) {
            return series.get(tag(host.version(), port), host.high(), host.low());
        }
    }

    /** The servers of one host and port in the current window, with the start of each one's first connection. */
    private static final class Series {
        final Map<IpAddress, Long> servers = new LinkedHashMap<>();
        final Set<IpAddress> failed = new LinkedHashSet<>();
        long windowStart;
        long failures;
        boolean sweep;
        long readyAt;
        long alertedAt = Long.MIN_VALUE;

        void restart(long t) {
            servers.clear();
            failed.clear();
            windowStart = t;
            failures = 0;
            sweep = false;
        }
    }
}
