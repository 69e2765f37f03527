package dev.warden.lab.traffic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The packets of one synthetic capture as the generators add them (each generator in its own time order), written out
 * sorted by time (ties in the order added, so the output is deterministic). Frames are cut to the snap length when
 * added, as a capture with a snap length would, which keeps streams and floods small on disk.
 */
final class Capture {
    /** Snap length of the capture: headers and the first bytes of every payload. */
    static final int SNAP_LENGTH = 128;

    private record Packet(long tsNanos, long order, byte[] data, int originalLength) {
    }

    private final List<Packet> packets = new ArrayList<>();
    private final Frames frames;
    private final Random ids;
    private final long endNanos;

    Capture(Frames frames, Random random, long endNanos) {
        this.frames = frames;
        this.ids = random;
        this.endNanos = endNanos;
    }

    Frames frames() {
        return frames;
    }

    long end() {
        return endNanos;
    }

    /** Adds a TCP segment at {@code ts} (dropped when after the end of the capture). */
    void tcp(long ts, int src, int dst, int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        add(ts, frames.tcp(src, dst, sport, dport, seq, ack, flags, 29200, payload, ids.nextInt(0x10000)));
    }

    void udp(long ts, int src, int dst, int sport, int dport, byte[] payload) {
        add(ts, frames.udp(src, dst, sport, dport, payload, ids.nextInt(0x10000)));
    }

    void add(long ts, byte[] frame) {
        if (ts <= endNanos) {
            byte[] data = frame.length > SNAP_LENGTH ? Arrays.copyOf(frame, SNAP_LENGTH) : frame;
            packets.add(new Packet(ts, packets.size(), data, frame.length));
        }
    }

    int size() {
        return packets.size();
    }

    void writeTo(PcapngWriter out) throws IOException {
        packets.sort(Comparator.comparingLong(Packet::tsNanos).thenComparingLong(Packet::order));
        for (Packet p : packets) {
            out.packet(p.tsNanos(), p.data(), p.originalLength());
        }
    }
}
