package dev.warden.watch.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The packets of one flood kind between one source and one victim (or toward one victim from everywhere) in the
 * current tumbling window: counts, the busiest whole second, the spread of source ports, destination ports and source
 * addresses, and the answers that came back. A window opens at its first packet and is replaced by the first packet
 * at least a window later.
 */
final class FloodCounter {
    private final long windowNanos;
    private long windowStart;
    private boolean open;
    long packets;
    long bytes;
    long replies;
    /** Packets of the same protocol that are not of this kind (for SYN: TCP packets that are not bare SYNs). */
    long other;
    long first;
    long last;
    private long second;
    private long secondPackets;
    long peak;
    boolean fromFlows;
    final DistinctSketch srcPorts = new DistinctSketch();
    final DistinctSketch dstPorts = new DistinctSketch();
    final DistinctSketch sources = new DistinctSketch();
    final List<String> sourceSample = new ArrayList<>();
    long quietUntil = Long.MIN_VALUE;

    FloodCounter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Opens a new window when {@code t} is past the current one (late events stay in the current one). */
    void roll(long t) {
        if (open && t - windowStart < windowNanos) {
            return;
        }
        open = true;
        windowStart = t;
        first = t;
        last = t;
        packets = bytes = replies = other = peak = secondPackets = 0;
        second = Long.MIN_VALUE;
        fromFlows = false;
        srcPorts.clear();
        dstPorts.clear();
        sources.clear();
        sourceSample.clear();
    }

    /** Adds {@code n} packets of {@code size} bytes in all at time {@code t}. */
    void add(long t, long n, long size) {
        roll(t);
        packets += n;
        bytes += size;
        first = Math.min(first, t);
        last = Math.max(last, t);
        long s = Math.floorDiv(t, RuleFields.SECOND);
        if (s != second) {
            second = s;
            secondPackets = 0;
        }
        secondPackets += n;
        peak = Math.max(peak, secondPackets);
    }

    void reply(long t, long n) {
        roll(t);
        replies += n;
    }

    void other(long t, long n) {
        roll(t);
        other += n;
    }

    /** Counts a source address; keeps its text while the sample has room. */
    void source(long high, long low, int version, int sampleSize) {
        long h = high * 31 + low;
        if (!sources.contains(h) && sourceSample.size() < sampleSize) {
            sourceSample.add(dev.warden.watch.decode.PacketView.address(high, low, version));
        }
        sources.add(h);
    }

    /** Average packets per second since the window's first packet (over at least a millisecond). */
    long averagePps() {
        return Math.round(packets * (double) RuleFields.SECOND / Math.max(1_000_000L, last - first));
    }
}
