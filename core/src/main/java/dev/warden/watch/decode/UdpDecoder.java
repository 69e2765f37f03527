package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * UDP: ports and payload. The length field bounds the payload; a length beyond the captured bytes marks the view
 * truncated (expected for a first fragment or a snap-length cut).
 */
final class UdpDecoder {
    static final int HEADER = 8;

    private UdpDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < HEADER) {
            s.malformed(DecodeStats.Reason.UDP_TRUNCATED);
            return false;
        }
        int length = b.getShort(off + 4) & 0xFFFF;
        if (length < HEADER && !(length == 0 && v.ipVersion == 6)) {
            s.malformed(DecodeStats.Reason.UDP_BAD_LENGTH);
            return false;
        }
        v.srcPort = b.getShort(off) & 0xFFFF;
        v.dstPort = b.getShort(off + 2) & 0xFFFF;
        int payload = len - HEADER;
        if (length > len) {
            v.truncated |= !v.fragment;
        } else if (length != 0) {
            payload = length - HEADER;
        }
        v.payload(off + HEADER, payload);
        return true;
    }
}
