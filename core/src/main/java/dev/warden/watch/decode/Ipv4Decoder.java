package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * IPv4: header with options, fragments (a first fragment still decodes its transport header; later fragments are
 * noted and carry no ports; no reassembly), then the protocol dispatch. Ethernet padding past the total length is
 * ignored; a total length beyond the captured bytes marks the view truncated.
 */
final class Ipv4Decoder {
    static final int MIN_HEADER = 20;
    private static final int FLAG_DF = 0x4000;
    private static final int FLAG_MF = 0x2000;
    private static final int OFFSET_MASK = 0x1FFF;

    private Ipv4Decoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < MIN_HEADER) {
            s.malformed(DecodeStats.Reason.IPV4_TRUNCATED);
            return false;
        }
        int first = b.get(off) & 0xFF;
        if (first >>> 4 != 4) {
            s.malformed(DecodeStats.Reason.IPV4_BAD_VERSION);
            return false;
        }
        int headerLength = (first & 0x0F) * 4;
        if (headerLength < MIN_HEADER) {
            s.malformed(DecodeStats.Reason.IPV4_BAD_HEADER_LENGTH);
            return false;
        }
        if (headerLength > len) {
            s.malformed(DecodeStats.Reason.IPV4_TRUNCATED);
            return false;
        }
        int totalLength = b.getShort(off + 2) & 0xFFFF;
        if (totalLength < headerLength) {
            s.malformed(DecodeStats.Reason.IPV4_BAD_TOTAL_LENGTH);
            return false;
        }
        int available = totalLength;
        if (totalLength > len) {
            v.truncated = true;
            available = len;
        }
        v.l3Offset = off;
        v.tos = b.get(off + 1) & 0xFF;
        v.ipId = b.getShort(off + 4) & 0xFFFF;
        int flags = b.getShort(off + 6) & 0xFFFF;
        v.dontFragment = (flags & FLAG_DF) != 0;
        v.moreFragments = (flags & FLAG_MF) != 0;
        v.fragmentOffset = (flags & OFFSET_MASK) * 8;
        v.fragment = v.moreFragments || v.fragmentOffset != 0;
        v.ttl = b.get(off + 8) & 0xFF;
        int protocol = b.get(off + 9) & 0xFF;
        v.ipv4(b.getInt(off + 12), b.getInt(off + 16));
        int l4 = off + headerLength;
        int l4Length = available - headerLength;
        if (v.fragmentOffset != 0) {
            s.note(DecodeStats.Reason.IPV4_FRAGMENT);
            v.protocol = protocol;
            v.l4Offset = l4;
            v.payload(l4, l4Length);
            return true;
        }
        return Dispatch.ipProtocol(protocol, b, l4, l4Length, v, s);
    }
}
