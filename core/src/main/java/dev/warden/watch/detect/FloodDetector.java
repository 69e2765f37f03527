package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds floods: a local host sending SYN, ACK, UDP, GRE or HTTP floods toward one victim (a {@code *-flood} alert about
 * the source, the suspected infected device), and a local host flooded from many remote sources (the same kind, with
 * {@link Alert.Role#VICTIM}: worth knowing, never "infected"). Rates are per (source, victim) and kind, averaged over
 * a tumbling window of {@link FloodRules#windowNanos()} from the traffic's own timestamps; a window reaching
 * {@link FloodRules#windowCount} packets raises at once, so a fast flood is reported within a fraction of a window.
 *
 * <p>What makes each kind, beyond its rate: a SYN flood is bare SYNs making up most of the source's TCP toward the
 * victim (handshakes not completed); an ACK flood is ACK packets spread over many connections no handshake opened
 * (Mirai's "ack" attack); UDP (Mirai's "udpplain", "vse", DNS) and GRE (Mirai's "greip"/"greeth", IP protocol 47, the
 * outer header's addresses) floods get almost no answers back; an HTTP flood is many {@code GET}/{@code POST} requests.
 *
 * <p>Captures give packets ({@link #onPacket}: exact rates and a fast time to detect); Zeek logs and NetFlow give flows
 * only ({@link #onFlow}: packets summed by flow start, a long flow spread over its duration). A host seen in packets
 * is not counted again from the flows the same packets make. State is bounded by {@link FloodRules#maxPairs()}.
 */
public final class FloodDetector implements Detector {
    /** The detector's name and rule file stem. */
    public static final String NAME = "flood";
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);
    private static final int SYN = PacketView.TCP_SYN;
    private static final int ACK = PacketView.TCP_ACK;
    private static final int FIN_RST = PacketView.TCP_FIN | PacketView.TCP_RST;
    /**
     * A connection is opened when the server answers the handshake (SYN-ACK), not by the client's SYN: a SYN flood's
     * thousands of unanswered SYNs filled the 1,024-bit sketch of opened connections, after which every ACK looked
     * opened and an ACK flood toward the same victim went unseen.
     */
    private static final int SYN_ACK = SYN | ACK;
    private static final int VSE_PORT = 27015;
    private static final int DNS_PORT = 53;

    private final FloodRules rules;
    private final LocalNetworks local;
    private final RecentMap<Pair, PairState> pairs;
    private final RecentMap<IpAddress, PairState> victims;
    private final RecentMap<IpAddress, Boolean> packetHosts;
    /** {@link FloodRules#windowCount} per kind, computed once: it is compared on every packet. */
    private final long[] windowCounts = new long[FloodKind.values().length];

    public FloodDetector(FloodRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.local = Objects.requireNonNull(local, "local");
        pairs = new RecentMap<>(rules.maxPairs(), Pair::new, PairState::new);
        victims = new RecentMap<>(rules.maxPairs(), FloodDetector::host, PairState::new);
        packetHosts = new RecentMap<>(rules.maxPairs(), FloodDetector::host, () -> Boolean.TRUE);
        for (FloodKind k : FloodKind.values()) {
            windowCounts[k.ordinal()] = rules.windowCount(k);
        }
    }

    /** Makes the detector from {@code flood.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(NAME, c -> new FloodDetector(FloodRules.load(c.rules()), c.local()));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long dropped() {
        return pairs.dropped() + victims.dropped();
    }

    @Override
    public boolean readsPackets() {
        return true;
    }

    @Override
    public void onPacket(PacketView p, Consumer<Alert> out) {
        boolean gre = p.encapDepth() > 0 && p.tunnelProtocol() == PacketView.PROTO_GRE;
        int version = gre ? p.tunnelIpVersion() : p.ipVersion();
        long sh = gre ? p.tunnelSrcHigh() : p.srcHigh();
        long sl = gre ? p.tunnelSrcLow() : p.srcLow();
        long dh = gre ? p.tunnelDstHigh() : p.dstHigh();
        long dl = gre ? p.tunnelDstLow() : p.dstLow();
        boolean srcLocal = local.contains(sh, sl);
        boolean dstLocal = local.contains(dh, dl);
        if (!srcLocal && !dstLocal) {
            return;
        }
        int flags = p.protocol() == PacketView.PROTO_TCP && !gre ? p.tcpFlags() : 0;
        FloodKind kind = gre ? FloodKind.GRE : packetKind(p, flags);
        long t = p.timestampNanos();
        int size = p.originalLength();
        if (srcLocal) {
            packetHosts.get(version, sh, sl, 0, 0, true);
            PairState st = pairs.get(version, sh, sl, dh, dl, true);
            long conn = (long) p.srcPort() << 16 | p.dstPort();
            if ((flags & SYN_ACK) == SYN_ACK) {
                st.opened.add(conn);
            }
            if (kind == FloodKind.ACK && st.opened.contains(conn)) {
                kind = null;
            }
            countSynShare(st, kind, flags, t);
            if (kind != null) {
                FloodCounter c = st.counter(kind, rules);
                c.add(t, 1, size);
                if (!p.laterFragment()) {
                    c.srcPorts.add(kind == FloodKind.ACK ? conn : p.srcPort());
                    c.dstPorts.add(p.dstPort());
                }
                checkSource(kind, c, t, out);
            }
            if (!dstLocal) {
                PairState v = victims.get(version, sh, sl, 0, 0, false);
                if (v != null && kind != null) {
                    v.reply(kind, t);
                }
            }
        }
        if (dstLocal) {
            PairState back = pairs.get(version, dh, dl, sh, sl, false);
            if (back != null && kind != null) {
                back.reply(kind, t);
            }
            if (back != null && (flags & SYN_ACK) == SYN_ACK) {
                back.opened.add((long) p.dstPort() << 16 | p.srcPort());
            }
            if (!srcLocal) {
                packetHosts.get(version, dh, dl, 0, 0, true);
                long conn = (long) p.dstPort() << 16 | p.srcPort();
                if (kind == FloodKind.ACK && back != null && back.opened.contains(conn)) {
                    kind = null;
                }
                PairState v = victims.get(version, dh, dl, 0, 0, true);
                countSynShare(v, kind, flags, t);
                if (kind != null) {
                    FloodCounter c = v.counter(kind, rules);
                    c.add(t, 1, size);
                    c.source(sh, sl, version, rules.peerSample());
                    if (!p.laterFragment()) {
                        c.srcPorts.add(p.srcPort());
                        c.dstPorts.add(p.dstPort());
                    }
                    checkVictim(kind, c, t, out);
                }
            }
        }
    }

    /** The flood kind a single packet may belong to, or null. ACK is only a candidate: its connection decides. */
    private static FloodKind packetKind(PacketView p, int flags) {
        if (p.protocol() == PacketView.PROTO_UDP) {
            return FloodKind.UDP;
        }
        if (p.protocol() != PacketView.PROTO_TCP) {
            return null;
        }
        if ((flags & (SYN | ACK)) == SYN) {
            return FloodKind.SYN;
        }
        if (p.payloadStartsWith(GET) || p.payloadStartsWith(POST)) {
            return FloodKind.HTTP;
        }
        // With or without payload: Mirai's "ack" attack sends 512 random bytes per packet by default
        // (ATK_OPT_PAYLOAD_SIZE); what marks it is that no handshake opened the connection, decided by the caller.
        if ((flags & ACK) != 0 && (flags & (SYN | FIN_RST)) == 0) {
            return FloodKind.ACK;
        }
        return null;
    }

    /** TCP that is not a bare SYN dilutes a SYN flood's share (completed handshakes, data). */
    private static void countSynShare(PairState st, FloodKind kind, int flags, long t) {
        FloodCounter syn = st.counters[FloodKind.SYN.ordinal()];
        if (syn != null && kind != FloodKind.SYN && flags != 0) {
            syn.other(t, 1);
        }
    }

    @Override
    public void onFlow(FlowEvent f, Consumer<Alert> out) {
        boolean clientLocal = local.contains(f.clientHigh(), f.clientLow());
        boolean serverLocal = local.contains(f.serverHigh(), f.serverLow());
        if (clientLocal && !seenInPackets(f.ipVersion(), f.clientHigh(), f.clientLow())) {
            PairState st = pairs.get(f.ipVersion(), f.clientHigh(), f.clientLow(), f.serverHigh(), f.serverLow(), true);
            FloodCounter c = countFlow(st, f);
            if (c != null) {
                checkSource(flowKind(f), c, f.startNanos(), out);
            }
        } else if (serverLocal && !clientLocal && !seenInPackets(f.ipVersion(), f.serverHigh(), f.serverLow())) {
            PairState st = victims.get(f.ipVersion(), f.serverHigh(), f.serverLow(), 0, 0, true);
            FloodCounter c = countFlow(st, f);
            if (c != null) {
                c.source(f.clientHigh(), f.clientLow(), f.ipVersion(), rules.peerSample());
                checkVictim(flowKind(f), c, f.startNanos(), out);
            }
        }
    }

    /**
     * Adds a flow to its kind's counter (by start time; a flow longer than the window adds only one window's share)
     * and returns that counter, or null when the flow is of no flood kind. A TCP flow whose handshake completed
     * dilutes the SYN share.
     */
    private FloodCounter countFlow(PairState st, FlowEvent f) {
        long t = f.startNanos();
        FloodKind kind = flowKind(f);
        boolean completed = f.clientSyn() && (f.clientFlags() & ACK) != 0;
        FloodCounter syn = st.counters[FloodKind.SYN.ordinal()];
        if (completed && syn != null) {
            syn.other(t, f.clientPackets());
        }
        if (kind == null) {
            return null;
        }
        long duration = f.endNanos() - t;
        double spread = duration > rules.windowNanos() ? (double) rules.windowNanos() / duration : 1.0;
        long n = kind == FloodKind.HTTP ? 1 : Math.max(1, Math.round(f.clientPackets() * spread));
        FloodCounter c = st.counter(kind, rules);
        c.add(t, n, Math.round(f.clientBytes() * spread));
        c.fromFlows = true;
        c.reply(t, Math.round(f.serverPackets() * spread));
        c.srcPorts.add(kind == FloodKind.ACK ? (long) f.clientPort() << 16 | f.serverPort() : f.clientPort());
        c.dstPorts.add(f.serverPort());
        return c;
    }

    /** The flood kind a whole flow belongs to, or null. */
    private FloodKind flowKind(FlowEvent f) {
        switch (f.protocol()) {
            case PacketView.PROTO_UDP:
                return FloodKind.UDP;
            case PacketView.PROTO_GRE:
                return FloodKind.GRE;
            case PacketView.PROTO_TCP:
                break;
            default:
                return null;
        }
        int cf = f.clientFlags();
        if (f.clientSyn() && (cf & ACK) == 0) {
            return FloodKind.SYN;
        }
        if (f.clientSyn() && rules.httpPorts().contains(f.serverPort()) && f.clientBytes() > 0 && f.serverPackets() > 0
                && f.endNanos() - f.startNanos() < rules.httpShortFlowNanos()) {
            return FloodKind.HTTP;
        }
        if (!f.clientSyn() && (cf & ACK) != 0 && (cf & SYN) == 0 && (f.serverFlags() & SYN) == 0) {
            return FloodKind.ACK;
        }
        return null;
    }

    private boolean seenInPackets(int version, long high, long low) {
        return packetHosts.contains(version, high, low, 0, 0);
    }

    /** A host key for {@link RecentMap} (the second address unused). */
    private static IpAddress host(int version, long high, long low, long unusedHigh, long unusedLow) {
        return new IpAddress(version, high, low);
    }

    /** Alerts on the pair {@link #pairs} accessed last when its counter shows a flood. */
    private void checkSource(FloodKind kind, FloodCounter c, long t, Consumer<Alert> out) {
        if (flood(kind, c, t)) {
            c.quietUntil = t + rules.suppressNanos();
            out.accept(sourceAlert(pairs.lastKey(), kind, c, t));
        }
    }

    /** Alerts on the host {@link #victims} accessed last when its counter shows a flood. */
    private void checkVictim(FloodKind kind, FloodCounter c, long t, Consumer<Alert> out) {
        if (c.sources.estimate() >= rules.victimMinSources() && flood(kind, c, t)) {
            c.quietUntil = t + rules.suppressNanos();
            out.accept(victimAlert(victims.lastKey(), kind, c, t));
        }
    }

    /** True when the window holds a flood of {@code kind} and the counter is not in its quiet time. */
    private boolean flood(FloodKind kind, FloodCounter c, long t) {
        if (t < c.quietUntil || c.packets < windowCounts[kind.ordinal()]) {
            return false;
        }
        return switch (kind) {
            case SYN -> c.packets >= rules.synShare() * (c.packets + c.other);
            case ACK -> c.srcPorts.estimate() >= rules.ackMinConnections();
            case UDP, GRE -> c.replies <= rules.maxReplyShare() * c.packets;
            case HTTP -> true;
        };
    }

    private Alert sourceAlert(Pair pair, FloodKind kind, FloodCounter c, long t) {
        String target = pair.dst();
        StringBuilder e = new StringBuilder(kind.label()).append(" toward ").append(target).append(": ");
        rate(e, kind, c);
        shape(e, kind, c);
        return new Alert(t, pair.src(), kind.kind(), rules.severity(), List.of(target), e.toString(),
                counts(c, false));
    }

    private Alert victimAlert(IpAddress victim, FloodKind kind, FloodCounter c, long t) {
        StringBuilder e = new StringBuilder("victim of a ").append(kind.label()).append(" from ~")
                .append(c.sources.estimate()).append(" remote sources: ");
        rate(e, kind, c);
        shape(e, kind, c);
        e.append("; the host receives this traffic, it is not the attacker");
        return new Alert(t, victim.toString(), kind.kind(), rules.victimSeverity(), c.sourceSample, e.toString(), counts(c, true),
                Alert.Role.VICTIM);
    }

    private void rate(StringBuilder e, FloodKind kind, FloodCounter c) {
        String unit = kind == FloodKind.HTTP ? " requests" : " packets";
        e.append(String.format(Locale.ROOT, "%,d%s in %.1f s (%,d per second, peak %,d in one second", c.packets,
                unit, (c.last - c.first) / 1e9, c.averagePps(), c.peak));
        e.append(String.format(Locale.ROOT, "; threshold %,.0f per second over %d s)", rules.pps().get(kind),
                rules.windowNanos() / RuleFields.SECOND));
        if (c.fromFlows) {
            e.append(", from flow records");
        }
    }

    private void shape(StringBuilder e, FloodKind kind, FloodCounter c) {
        long srcPorts = c.srcPorts.estimate();
        long dstPorts = c.dstPorts.estimate();
        switch (kind) {
            case SYN -> e.append(String.format(Locale.ROOT, "; %d%% of the TCP packets were bare SYNs (no handshake)",
                    c.packets * 100 / Math.max(1, c.packets + c.other)));
            case ACK -> e.append("; ACKs on ~").append(srcPorts).append(" connections no handshake opened");
            case UDP, GRE -> e.append("; ").append(c.replies).append(" packets answered back");
            case HTTP -> e.append("; HTTP GET/POST requests");
        }
        if (kind != FloodKind.ACK && srcPorts > 1) {
            e.append("; ~").append(srcPorts).append(" distinct source ports");
            if (srcPorts >= rules.ackMinConnections()) {
                e.append(" (randomised, as spoofing floods do)");
            }
        }
        e.append("; ~").append(dstPorts).append(" destination port").append(dstPorts == 1 ? "" : "s");
        if (kind == FloodKind.UDP && c.dstPorts.contains(DNS_PORT) && dstPorts == 1) {
            e.append(" (DNS)");
        } else if (kind == FloodKind.UDP && c.dstPorts.contains(VSE_PORT) && dstPorts == 1) {
            e.append(" (27015, Source Engine queries: Mirai's \"vse\")");
        } else if (kind == FloodKind.GRE) {
            e.append(" (inner packets; GRE-encapsulated IP or Ethernet as Mirai's \"greip\"/\"greeth\")");
        }
    }

    private static Map<String, Long> counts(FloodCounter c, boolean victim) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("packets", c.packets);
        m.put("bytes", c.bytes);
        m.put("pps", c.averagePps());
        m.put("peak_pps", c.peak);
        m.put("duration_ms", (c.last - c.first) / 1_000_000);
        m.put("src_ports", c.srcPorts.estimate());
        m.put("dst_ports", c.dstPorts.estimate());
        m.put("replies", c.replies);
        if (victim) {
            m.put("sources", c.sources.estimate());
        }
        return m;
    }

    /** A local source and the host it sends to, as PacketView holds addresses. */
    private record Pair(int version, long srcHigh, long srcLow, long dstHigh, long dstLow) {
        String src() {
            return PacketView.address(srcHigh, srcLow, version);
        }

        String dst() {
            return PacketView.address(dstHigh, dstLow, version);
        }
    }

    /** Counters per kind (made on first use) and the connections a handshake opened. */
    private static final class PairState {
        final FloodCounter[] counters = new FloodCounter[FloodKind.values().length];
        final DistinctSketch opened = new DistinctSketch();

        FloodCounter counter(FloodKind kind, FloodRules rules) {
            FloodCounter c = counters[kind.ordinal()];
            if (c == null) {
                c = new FloodCounter(rules.windowNanos());
                counters[kind.ordinal()] = c;
            }
            return c;
        }

        void reply(FloodKind kind, long t) {
            FloodCounter c = counters[kind.ordinal()];
            if (c != null) {
                c.reply(t, 1);
            }
        }
    }
}
