package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * BSD loopback: a 4-byte address family, in the capturing host's byte order (NULL) or network order (LOOP).
 * AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (macOS).
 */
final class NullDecoder {
    static final int HEADER = 4;
    private static final int AF_INET = 2;

    private NullDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s, boolean networkOrder) {
        if (len < HEADER) {
            s.malformed(DecodeStats.Reason.NULL_TRUNCATED);
            return false;
        }
        int family = b.getInt(off);
        if (!networkOrder && (family & 0xFFFF0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        switch (family) {
            case AF_INET:
                return Ipv4Decoder.decode(b, off + HEADER, len - HEADER, v, s);
            case 10:
            case 24:
            case 28:
            case 30:
                return Ipv6Decoder.decode(b, off + HEADER, len - HEADER, v, s);
            default:
                return Dispatch.opaque(DecodeStats.Reason.NULL_UNKNOWN_FAMILY, off + HEADER, len - HEADER, v, s);
        }
    }
}
