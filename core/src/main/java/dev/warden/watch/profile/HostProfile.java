package dev.warden.watch.profile;

import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one local device normally does, learned from its flows: the peers it talks to (local and remote, with counts
 * and bytes), the ports it serves and the ports it connects to, its volume per time bucket, which peers it contacts
 * periodically, and when it was first and last seen. A device is <em>learning</em> until it has been seen for
 * {@link ProfileRules#learnNanos()} of traffic time and had {@link ProfileRules#learnFlows()} flows; every peer and port
 * remembers whether it was first met while learning, so a detector can ask "is this new?" long after. Tables are
 * bounded by {@link ProfileRules}; what they drop is counted. Built and fed by {@link HostProfiles}.
 */
public final class HostProfile {
    private final IpAddress address;
    private final ProfileRules rules;
    private long firstNanos;
    private long lastNanos;
    private long flows;
    private long learnedAtNanos = Long.MAX_VALUE;
    private final AddressLru<PeerStats> peers;
    /** The stats of the peer a full table dropped last, reused for the next new peer. */
    private PeerStats spare;
    private final LruMap<Integer, PortUse> served;
    private final LruMap<Integer, PortUse> used;
    private final VolumeBuckets volume;

    HostProfile(IpAddress address, ProfileRules rules, long firstNanos) {
        this.address = address;
        this.rules = rules;
        this.firstNanos = firstNanos;
        this.lastNanos = firstNanos;
        this.peers = new AddressLru<>(rules.maxPeers());
        this.served = new LruMap<>(rules.maxPorts());
        this.used = new LruMap<>(rules.maxPorts());
        this.volume = new VolumeBuckets(rules.bucketNanos(), rules.buckets());
    }

    /** One flow of this device as its side saw it; a port counts as served only when the device answered on it. */
    void add(FlowSide f) {
        boolean learning = learning();
        firstNanos = Math.min(firstNanos, f.startNanos());
        lastNanos = Math.max(lastNanos, f.endNanos());
        flows++;
        IpAddress a = f.peer();
        PeerStats peer = peers.get(a.version(), a.high(), a.low());
        if (peer == null && (f.client() || f.answered())) {
            if (spare == null) {
                peer = new PeerStats(a, f.peerLocal(), learning, f.startNanos());
            } else {
                peer = spare;
                peer.reset(a, f.peerLocal(), learning, f.startNanos());
            }
            spare = peers.add(a.version(), a.high(), a.low(), peer);
        }
        if (peer != null) {
            // A remote that only probes the device unanswered (an internet scanner) is not a peer of it: kept, the
            // hundreds of scanners a day of an exposed host evicted its usual peers, which then came back as "new".
            peer.add(f.startNanos(), f.endNanos(), f.client(), f.bytesOut(), f.bytesIn());
        }
        if (f.client()) {
            use(used, PortUse.key(f.protocol(), f.port()), learning);
        } else if (f.answered()) {
            use(served, PortUse.key(f.protocol(), f.port()), learning);
        }
        volume.add(f.endNanos(), f.bytesOut(), f.bytesIn(), f.packetsOut(), f.packetsIn(), learnedAtNanos);
        if (learning && lastNanos - firstNanos >= rules.learnNanos() && flows >= rules.learnFlows()) {
            learnedAtNanos = lastNanos;
        }
    }

    private static void use(LruMap<Integer, PortUse> ports, int key, boolean learning) {
        PortUse p = ports.get(key);
        if (p == null) {
            p = new PortUse(key, learning);
            ports.put(key, p);
        }
        p.add();
    }

    public IpAddress address() {
        return address;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    public long flows() {
        return flows;
    }

    /** True until the learning period (traffic time and flows) is over. */
    public boolean learning() {
        return learnedAtNanos == Long.MAX_VALUE;
    }

    /** Traffic time at which learning ended, {@link Long#MAX_VALUE} while learning. */
    public long learnedAtNanos() {
        return learnedAtNanos;
    }

    /** The peer, or null when it was never seen (or was dropped from a full table). */
    public PeerStats peer(IpAddress peer) {
        return peers.get(peer.version(), peer.high(), peer.low());
    }

    /** True when {@code peer} was first met while learning. */
    public boolean learnedPeer(IpAddress peer) {
        PeerStats p = peer(peer);
        return p != null && p.learned();
    }

    /** Peers first met while learning, local or remote as asked. */
    public List<PeerStats> learnedPeers(boolean local) {
        List<PeerStats> out = new ArrayList<>();
        for (PeerStats p : peers.values()) {
            if (p.learned() && p.local() == local) {
                out.add(p);
            }
        }
        return out;
    }

    /** Every peer kept, least recently seen first. */
    public List<PeerStats> peers() {
        return peers.values();
    }

    /** A port the device answered on, or null. */
    public PortUse served(int protocol, int port) {
        return served.get(PortUse.key(protocol, port));
    }

    /** A destination port the device connected to, or null. */
    public PortUse used(int protocol, int port) {
        return used.get(PortUse.key(protocol, port));
    }

    public VolumeBuckets volume() {
        return volume;
    }

    /** Peers the device contacts at regular intervals ({@link ProfileRules#periodicJitter()}), e.g. heartbeats. */
    public List<PeerStats> periodicPeers() {
        List<PeerStats> out = new ArrayList<>();
        for (PeerStats p : peers.values()) {
            if (p.intervals() >= rules.periodicIntervals() && p.jitter() <= rules.periodicJitter()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Peers, served ports and used ports dropped because their tables were full. */
    public long dropped() {
        return peers.dropped() + served.dropped() + used.dropped();
    }

    /** The profile as plain maps and lists with snake_case keys, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", address.toString());
        m.put("first_seen", instant(firstNanos));
        m.put("last_seen", instant(lastNanos));
        m.put("flows", flows);
        m.put("learning", learning());
        List<Map<String, Object>> peerRows = new ArrayList<>();
        for (PeerStats p : peers.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("peer", p.address().toString());
            r.put("local", p.local());
            r.put("learned", p.learned());
            r.put("flows_opened", p.flowsOpened());
            r.put("flows_accepted", p.flowsAccepted());
            r.put("bytes_sent", p.bytesSent());
            r.put("bytes_received", p.bytesReceived());
            r.put("first_seen", instant(p.firstNanos()));
            r.put("last_seen", instant(p.lastNanos()));
            peerRows.add(r);
        }
        m.put("peers", peerRows);
        m.put("served_ports", ports(served));
        m.put("used_ports", ports(used));
        m.put("volume", volume.toList());
        List<Map<String, Object>> periodic = new ArrayList<>();
        for (PeerStats p : periodicPeers()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("peer", p.address().toString());
            r.put("interval_s", Math.round(p.meanIntervalNanos() / 1e6) / 1e3);
            r.put("jitter", Math.round(p.jitter() * 1000) / 1000.0);
            r.put("contacts", p.flowsOpened());
            periodic.add(r);
        }
        m.put("periodic", periodic);
        m.put("dropped", dropped());
        return m;
    }

    private static Map<String, Long> ports(LruMap<Integer, PortUse> ports) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (PortUse p : ports.values()) {
            out.put(p.toString(), p.flows());
        }
        return out;
    }

    static String instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }
}
