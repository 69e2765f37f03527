package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A bounded table of open bidirectional flows fed one decoded packet at a time. Time is only the packets' own
 * timestamps: a flow ends after {@link Config#idleNanos()} without packets, is cut after {@link Config#activeNanos()}
 * (its successor continues), ends when a new SYN reuses a closed flow's 5-tuple, and everything left is emitted by
 * {@link #finish()}. When {@link Config#capacity()} flows are open the least recently active one is evicted
 * (emitted, and counted in {@link #evicted()}). Not thread-safe; one table per capture or per shard.
 *
 * <p>Written by hand rather than on a {@code HashMap}: a map needs a key object per packet, and at millions of packets
 * per second that allocation is most of the cost. Here the flows themselves sit in an open-addressing array (linear
 * probing, backward-shift deletion) found by a direction-free hash of the packet's 5-tuple, and are linked in
 * access order, so the idle ones are at the head of the list and eviction is O(1). A packet that continues a flow
 * allocates nothing.
 */
public final class FlowTable {

    /**
     * Sizing and timeouts.
     *
     * @param capacity open flows at most; memory is roughly 200 bytes per flow
     * @param idleNanos a flow without packets for this long ends (IPFIX's idle timeout)
     * @param activeNanos a flow open for this long is emitted and continues as a new flow (IPFIX's active timeout)
     */
    public record Config(int capacity, long idleNanos, long activeNanos) {
        private static final long SECOND = 1_000_000_000L;

        public Config {
            if (capacity < 1 || capacity > 1 << 28 || idleNanos <= 0 || activeNanos <= 0) {
                throw new IllegalArgumentException("flow table: capacity (up to 2^28) and timeouts must be positive");
            }
        }

        /** 65,536 flows, 60 s idle, 300 s active. */
        public static Config defaults() {
            return new Config(65_536, 60 * SECOND, 300 * SECOND);
        }
    }

    private final Config config;
    private final Consumer<FlowEvent> sink;
    private final Flow[] slots;
    private final int mask;
    /** Least recently active open flow, and most recently active. */
    private Flow oldest;
    private Flow newest;
    private int size;
    private long packets;
    private long skipped;
    private long flows;
    private long evicted;

    public FlowTable(Config config, Consumer<FlowEvent> sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        int n = Integer.highestOneBit(Math.max(16, config.capacity()) * 2 - 1) << 1;
        slots = new Flow[n];
        mask = n - 1;
    }

    /** Adds a decoded packet; packets without an IP layer or later fragments (no ports) are only counted as skipped. */
    public void packet(PacketView p) {
        if (p.ipVersion() == 0 || p.laterFragment()) {
            skipped++;
            return;
        }
        packets++;
        long now = p.timestampNanos();
        expireIdle(now);
        int hash = hash(p);
        Flow flow = find(p, hash);
        if (flow != null && now - flow.startNanos() >= config.activeNanos()) {
            remove(flow);
            emit(flow, EndReason.ACTIVE);
            flow = insert(flow.successor(p), hash);
        } else if (flow != null && flow.closed() && isSyn(p)) {
            remove(flow);
            emit(flow, EndReason.REUSED);
            flow = null;
        }
        if (flow == null) {
            if (size >= config.capacity()) {
                Flow victim = oldest;
                remove(victim);
                evicted++;
                emit(victim, EndReason.EVICTED);
            }
            flow = insert(Flow.open(p), hash);
        } else {
            touch(flow);
        }
        flow.add(p);
    }

    /** Emits every open flow (end of capture), least recently active first. */
    public void finish() {
        while (oldest != null) {
            Flow f = oldest;
            remove(f);
            emit(f, EndReason.END_OF_INPUT);
        }
    }

    /** IP packets added to flows. */
    public long packets() {
        return packets;
    }

    /** Packets that could not belong to a flow (no IP layer, non-first fragments). */
    public long skipped() {
        return skipped;
    }

    /** Flows emitted so far, whatever the reason. */
    public long flows() {
        return flows;
    }

    /** Flows ended early because the table was full. */
    public long evicted() {
        return evicted;
    }

    /** Flows open now. */
    public int size() {
        return size;
    }

    private static boolean isSyn(PacketView p) {
        return p.protocol() == PacketView.PROTO_TCP
                && (p.tcpFlags() & (PacketView.TCP_SYN | PacketView.TCP_ACK)) == PacketView.TCP_SYN;
    }

    /** The same for both directions: endpoint hashes are combined symmetrically. */
    private static int hash(PacketView p) {
        long src = mix(p.srcHigh() * 31 + p.srcLow(), p.srcPort());
        long dst = mix(p.dstHigh() * 31 + p.dstLow(), p.dstPort());
        long h = (src ^ dst) + (src + dst) * 0x9E3779B97F4A7C15L + p.protocol();
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private static long mix(long address, int port) {
        long h = address * 0xC2B2AE3D27D4EB4FL + port;
        return h ^ (h >>> 31);
    }

    private Flow find(PacketView p, int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Flow f = slots[i];
            if (f == null) {
                return null;
            }
            if (f.hash == hash && f.matches(p)) {
                return f;
            }
        }
    }

    private Flow insert(Flow f, int hash) {
        f.hash = hash;
        int i = hash & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = f;
        size++;
        link(f);
        return f;
    }

    /** Takes {@code f} out of the array (backward-shift deletion keeps probe chains whole) and out of the list. */
    private void remove(Flow f) {
        int i = f.hash & mask;
        while (slots[i] != f) {
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = slots[j].hash & mask;
            // Move slots[j] into the gap unless its home lies cyclically within (gap, j].
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = null;
        size--;
        unlink(f);
    }

    private void link(Flow f) {
        f.older = newest;
        f.newer = null;
        if (newest != null) {
            newest.newer = f;
        } else {
            oldest = f;
        }
        newest = f;
    }

    private void unlink(Flow f) {
        if (f.older != null) {
            f.older.newer = f.newer;
        } else {
            oldest = f.newer;
        }
        if (f.newer != null) {
            f.newer.older = f.older;
        } else {
            newest = f.older;
        }
        f.older = null;
        f.newer = null;
    }

    private void touch(Flow f) {
        if (f != newest) {
            unlink(f);
            link(f);
        }
    }

    /** The list is in access order, so idle flows sit at its head. */
    private void expireIdle(long now) {
        while (oldest != null && now - oldest.lastNanos >= config.idleNanos()) {
            Flow f = oldest;
            remove(f);
            emit(f, EndReason.IDLE);
        }
    }

    private void emit(Flow f, EndReason reason) {
        flows++;
        sink.accept(f.end(reason));
    }
}
