package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A bounded table of open bidirectional flows fed one decoded packet at a time. Time is only the packets' own
 * timestamps: a flow ends after {@link Config#idleNanos()} without packets, is cut after {@link Config#activeNanos()}
 * (its successor continues), ends when a new SYN reuses a closed flow's 5-tuple, and everything left is emitted by
 * {@link #finish()}. When {@link Config#capacity()} flows are open the least recently active one is evicted
 * (emitted, and counted in {@link #evicted()}). Not thread-safe; one table per capture or per shard.
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
            if (capacity < 1 || idleNanos <= 0 || activeNanos <= 0) {
                throw new IllegalArgumentException("flow table: capacity and timeouts must be positive");
            }
        }

        /** 65,536 flows, 60 s idle, 300 s active. */
        public static Config defaults() {
            return new Config(65_536, 60 * SECOND, 300 * SECOND);
        }
    }

    private final Config config;
    private final Consumer<FlowEvent> sink;
    private final LinkedHashMap<FlowKey, Flow> open = new LinkedHashMap<>(1024, 0.75f, true);
    private long packets;
    private long skipped;
    private long flows;
    private long evicted;

    public FlowTable(Config config, Consumer<FlowEvent> sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
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
        FlowKey key = FlowKey.of(p);
        Flow flow = open.get(key);
        if (flow != null && now - flow.startNanos() >= config.activeNanos()) {
            emit(flow, EndReason.ACTIVE);
            Flow next = flow.successor(p);
            open.put(key, next);
            flow = next;
        } else if (flow != null && flow.closed() && isSyn(p)) {
            emit(flow, EndReason.REUSED);
            flow = null;
        }
        if (flow == null) {
            if (open.size() >= config.capacity()) {
                evictOldest();
            }
            flow = Flow.open(p);
            open.put(key, flow);
        }
        flow.add(p);
    }

    /** Emits every open flow (end of capture). */
    public void finish() {
        for (Flow f : open.values()) {
            emit(f, EndReason.END_OF_INPUT);
        }
        open.clear();
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
        return open.size();
    }

    private static boolean isSyn(PacketView p) {
        return p.protocol() == PacketView.PROTO_TCP
                && (p.tcpFlags() & (PacketView.TCP_SYN | PacketView.TCP_ACK)) == PacketView.TCP_SYN;
    }

    /** The map is in access order, so idle flows sit at its head. */
    private void expireIdle(long now) {
        Iterator<Map.Entry<FlowKey, Flow>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Flow f = it.next().getValue();
            if (now - f.lastNanos < config.idleNanos()) {
                return;
            }
            it.remove();
            emit(f, EndReason.IDLE);
        }
    }

    private void evictOldest() {
        Iterator<Map.Entry<FlowKey, Flow>> it = open.entrySet().iterator();
        Flow f = it.next().getValue();
        it.remove();
        evicted++;
        emit(f, EndReason.EVICTED);
    }

    private void emit(Flow f, EndReason reason) {
        flows++;
        sink.accept(f.end(reason));
    }
}
