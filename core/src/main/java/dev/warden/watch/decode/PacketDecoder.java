package dev.warden.watch.decode;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Decodes one captured packet into a reused {@link PacketView}, from the link layer down to the transport header:
 * Ethernet (with stacked VLANs), Linux cooked SLL/SLL2, raw IP and BSD loopback; IPv4, IPv6 with extension headers,
 * GRE and IP-in-IP tunnels; TCP, UDP, ICMP and ICMPv6. It never throws on packet bytes and allocates nothing: broken
 * input is counted in {@link DecodeStats} and the view keeps whatever was decoded before the break.
 * One instance per thread.
 */
public final class PacketDecoder {
    private final DecodeStats stats;

    public PacketDecoder(DecodeStats stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public DecodeStats stats() {
        return stats;
    }

    /**
     * Decodes the bytes {@code buf[offset, offset + capturedLength)} captured on a link of type {@code linkType}.
     * Returns false when the packet was malformed (exactly one malformed reason was counted); true otherwise, which
     * includes packets decoded only partly because a protocol is not supported (a note is counted).
     */
    public boolean decode(int linkType, ByteBuffer buf, int offset, int capturedLength, int originalLength,
                          long timestampNanos, PacketView out) {
        out.reset(timestampNanos, linkType, capturedLength, originalLength);
        out.buffer = buf;
        stats.packet(originalLength);
        if (out.truncated) {
            stats.note(DecodeStats.Reason.SNAP_TRUNCATED);
        }
        return Dispatch.link(linkType, buf, offset, capturedLength, out, stats);
    }

    /** Decodes the record {@code reader} is positioned on (after {@link PcapReader#next()} returned true). */
    public boolean decode(PcapReader reader, PacketView out) {
        return decode(reader.linkType(), reader.buffer(), reader.dataOffset(), reader.capturedLength(),
                reader.originalLength(), reader.timestampNanos(), out);
    }
}
