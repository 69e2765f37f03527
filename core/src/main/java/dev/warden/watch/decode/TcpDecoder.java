package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/** TCP: ports, sequence numbers, flags and window; options are skipped by the data offset, never parsed. */
final class TcpDecoder {
    static final int MIN_HEADER = 20;

    private TcpDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < MIN_HEADER) {
            s.malformed(DecodeStats.Reason.TCP_TRUNCATED);
            return false;
        }
        int headerLength = ((b.get(off + 12) & 0xF0) >>> 4) * 4;
        if (headerLength < MIN_HEADER) {
            s.malformed(DecodeStats.Reason.TCP_BAD_HEADER_LENGTH);
            return false;
        }
        if (headerLength > len) {
            s.malformed(DecodeStats.Reason.TCP_TRUNCATED);
            return false;
        }
        v.srcPort = b.getShort(off) & 0xFFFF;
        v.dstPort = b.getShort(off + 2) & 0xFFFF;
        v.seq = b.getInt(off + 4) & 0xFFFFFFFFL;
        v.ack = b.getInt(off + 8) & 0xFFFFFFFFL;
        v.tcpFlags = b.getShort(off + 12) & 0x01FF;
        v.window = b.getShort(off + 14) & 0xFFFF;
        v.payload(off + headerLength, len - headerLength);
        return true;
    }
}
