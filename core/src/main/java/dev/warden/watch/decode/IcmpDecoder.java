package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/** ICMP and ICMPv6: type and code; the payload starts after the 8-byte header (the rest-of-header word included). */
final class IcmpDecoder {
    static final int MIN_HEADER = 4;
    static final int HEADER = 8;

    private IcmpDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s, DecodeStats.Reason truncated) {
        if (len < MIN_HEADER) {
            s.malformed(truncated);
            return false;
        }
        v.icmpType = b.get(off) & 0xFF;
        v.icmpCode = b.get(off + 1) & 0xFF;
        int header = Math.min(HEADER, len);
        v.payload(off + header, len - header);
        return true;
    }
}
