package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * GRE version 0 (RFC 2784/2890): optional checksum, key and sequence words, then the inner packet by protocol
 * type: IPv4, IPv6, or Ethernet via transparent bridging (0x6558). Other versions (PPTP's enhanced GRE), source
 * routing and other payload types are noted and left as payload.
 */
final class GreDecoder {
    static final int MIN_HEADER = 4;
    private static final int FLAG_CHECKSUM = 0x8000;
    private static final int FLAG_ROUTING = 0x4000;
    private static final int FLAG_KEY = 0x2000;
    private static final int FLAG_SEQUENCE = 0x1000;
    private static final int VERSION_MASK = 0x0007;

    private GreDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < MIN_HEADER) {
            s.malformed(DecodeStats.Reason.GRE_TRUNCATED);
            return false;
        }
        int flags = b.getShort(off) & 0xFFFF;
        int type = b.getShort(off + 2) & 0xFFFF;
        if ((flags & VERSION_MASK) != 0 || (flags & FLAG_ROUTING) != 0) {
            return Dispatch.opaque(DecodeStats.Reason.GRE_UNSUPPORTED, off, len, v, s);
        }
        int headerLength = MIN_HEADER
                + ((flags & FLAG_CHECKSUM) != 0 ? 4 : 0)
                + ((flags & FLAG_KEY) != 0 ? 4 : 0)
                + ((flags & FLAG_SEQUENCE) != 0 ? 4 : 0);
        if (len < headerLength) {
            s.malformed(DecodeStats.Reason.GRE_TRUNCATED);
            return false;
        }
        if ((flags & FLAG_KEY) != 0) {
            int keyAt = off + MIN_HEADER + ((flags & FLAG_CHECKSUM) != 0 ? 4 : 0);
            v.greKeyPresent = true;
            v.greKey = b.getInt(keyAt) & 0xFFFFFFFFL;
        }
        int inner = off + headerLength;
        int innerLength = len - headerLength;
        if (type != Dispatch.ETHERTYPE_IPV4 && type != Dispatch.ETHERTYPE_IPV6 && type != Dispatch.ETHERTYPE_TEB) {
            return Dispatch.opaque(DecodeStats.Reason.GRE_UNSUPPORTED, inner, innerLength, v, s);
        }
        if (!Dispatch.enterTunnel(v, s)) {
            return false;
        }
        if (type == Dispatch.ETHERTYPE_TEB) {
            return EthernetDecoder.decode(b, inner, innerLength, v, s);
        }
        return Dispatch.etherType(type, b, inner, innerLength, v, s);
    }
}
