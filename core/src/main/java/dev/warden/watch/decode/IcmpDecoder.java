package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/** ICMP and ICMPv6: type and code; every message has the 8-byte header (the rest-of-header word included). */
final class IcmpDecoder {
    static final int HEADER = 8;

    private IcmpDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s, DecodeStats.Reason truncated) {
        if (len < HEADER) {
            s.malformed(truncated);
            return false;
        }
        v.icmpType = b.get(off) & 0xFF;
        v.icmpCode = b.get(off + 1) & 0xFF;
        v.payload(off + HEADER, len - HEADER);
        return true;
    }
}
