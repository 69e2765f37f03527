package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds credential brute force: many short TCP sessions from one local host to one server on a login port (telnet,
 * SSH, web admin, RTSP; {@link BruteForceRules#ports()}) within a window, each a real conversation (the server
 * answered with at least {@link BruteForceRules#minServerPackets()} packets) that ends quickly, as Mirai's one
 * guess per connection does. Unlike {@code scan} (many destinations, handshake only) it is about one destination.
 * A local server guessed at from remote hosts is a victim: same kind, {@link Alert.Role#VICTIM}. Works from flows
 * only, so captures, Zeek logs and NetFlow all feed it; state is bounded by {@link BruteForceRules#maxPairs()}.
 */
public final class BruteForceDetector implements Detector {
    /** The alert kind and rule file stem. */
    public static final String KIND = "brute-force";
    private static final int SYN_ACK = PacketView.TCP_SYN | PacketView.TCP_ACK;

    private final BruteForceRules rules;
    /** {@code ports()} as a bitmap: checked on every flow. */
    private final BitSet ports;
    private final LocalNetworks local;
    private final LruMap<Pair, Sessions> pairs;
    private final LruMap<IpAddress, Sessions> victims;

    public BruteForceDetector(BruteForceRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ports = RuleFields.portBits(rules.ports());
        this.local = Objects.requireNonNull(local, "local");
        pairs = new LruMap<>(rules.maxPairs());
        victims = new LruMap<>(rules.maxPairs());
    }

    /** Makes the detector from {@code brute-force.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new BruteForceDetector(BruteForceRules.load(c.rules()), c.local()));
        }
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public long dropped() {
        return pairs.dropped() + victims.dropped();
    }

    @Override
    public void onFlow(FlowEvent f, Consumer<Alert> out) {
        if (!isSession(f)) {
            return;
        }
        boolean clientLocal = local.contains(f.clientHigh(), f.clientLow());
        IpAddress client = new IpAddress(f.ipVersion(), f.clientHigh(), f.clientLow());
        IpAddress server = new IpAddress(f.ipVersion(), f.serverHigh(), f.serverLow());
        if (clientLocal) {
            Sessions s = pairs.computeIfAbsent(new Pair(client, server), k -> new Sessions());
            if (s.add(f, client, rules)) {
                out.accept(alert(f, client.toString(), List.of(server.toString()), s, Alert.Role.SOURCE));
            }
        } else if (local.contains(f.serverHigh(), f.serverLow())) {
            Sessions s = victims.computeIfAbsent(server, k -> new Sessions());
            if (s.add(f, client, rules)) {
                out.accept(alert(f, server.toString(), s.clients, s, Alert.Role.VICTIM));
            }
        }
    }

    /** A short, answered TCP conversation with a login port: what one password guess looks like. */
    private boolean isSession(FlowEvent f) {
        return f.protocol() == PacketView.PROTO_TCP && ports.get(f.serverPort()) && f.clientSyn()
                && (f.serverFlags() & SYN_ACK) == SYN_ACK && f.serverPackets() >= rules.minServerPackets()
                && f.clientBytes() > 0 && f.endNanos() - f.startNanos() <= rules.maxSessionNanos();
    }

    private Alert alert(FlowEvent f, String host, List<String> peers, Sessions s, Alert.Role role) {
        boolean victim = role == Alert.Role.VICTIM;
        StringBuilder e = new StringBuilder();
        if (victim) {
            e.append("victim of brute force from ").append(s.distinctClients).append(" remote host")
                    .append(s.distinctClients == 1 ? "" : "s").append(": ");
        }
        e.append(String.format(Locale.ROOT, "%d short sessions to port%s %s within %.1f s (mean %.1f s, %d packets "
                        + "from the server each on average; window %d s)", s.count, s.ports.size() == 1 ? "" : "s",
                RuleFields.joinPorts(s.ports), (s.last - s.first) / 1e9, s.totalNanos / 1e9 / s.count, s.serverPackets / s.count,
                rules.windowNanos() / RuleFields.SECOND));
        if (victim) {
            e.append("; the host is the target, not the attacker");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sessions", s.count);
        counts.put("ports", (long) s.ports.size());
        counts.put("duration_ms", (s.last - s.first) / 1_000_000);
        if (victim) {
            counts.put("sources", s.distinctClients);
        }
        return new Alert(f.startNanos(), host, KIND, victim ? rules.victimSeverity() : rules.severity(), peers,
                e.toString(), counts, role);
    }

    /** A local client and a server. */
    private record Pair(IpAddress client, IpAddress server) {
    }

    /** Sessions in the current window (for a victim, from every remote client). */
    private static final class Sessions {
        private static final int CLIENT_SAMPLE = 10;
        final Set<Integer> ports = new TreeSet<>();
        final List<String> clients = new ArrayList<>();
        final DistinctSketch clientSketch = new DistinctSketch();
        long windowStart;
        long first;
        long last;
        long count;
        long totalNanos;
        long serverPackets;
        long distinctClients;
        long quietUntil = Long.MIN_VALUE;

        /** Adds a session; true when it completes a brute force (then the window restarts). */
        boolean add(FlowEvent f, IpAddress client, BruteForceRules rules) {
            long t = f.startNanos();
            if (t < quietUntil) {
                return false;
            }
            if (count == 0 || t - windowStart >= rules.windowNanos()) {
                restart(t);
            }
            count++;
            first = Math.min(first, t);
            last = Math.max(last, t);
            totalNanos += f.endNanos() - f.startNanos();
            serverPackets += f.serverPackets();
            ports.add(f.serverPort());
            long h = client.high() * 31 + client.low();
            if (!clientSketch.contains(h) && clients.size() < CLIENT_SAMPLE) {
                clients.add(client.toString());
            }
            clientSketch.add(h);
            distinctClients = clientSketch.estimate();
            if (count < rules.minSessions()) {
                return false;
            }
            if (count * RuleFields.SECOND > rules.maxSessionsPerSecond() * Math.max(RuleFields.SECOND, last - first)) {
                restart(t); // too fast to read each answer: a flood of connections (the flood detector's), not guessing
                return false;
            }
            quietUntil = t + rules.suppressNanos();
            return true;
        }

        private void restart(long t) {
            ports.clear();
            clients.clear();
            clientSketch.clear();
            windowStart = t;
            first = t;
            last = t;
            count = totalNanos = serverPackets = distinctClients = 0;
        }
    }
}
