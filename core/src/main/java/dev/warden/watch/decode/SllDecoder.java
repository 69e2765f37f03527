package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/** Linux cooked captures ("any" device): SLL (16-byte header) and SLL2 (20-byte header), both naming an ethertype. */
final class SllDecoder {
    static final int SLL_HEADER = 16;
    static final int SLL2_HEADER = 20;

    private SllDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < SLL_HEADER) {
            s.malformed(DecodeStats.Reason.SLL_TRUNCATED);
            return false;
        }
        int type = b.getShort(off + 14) & 0xFFFF;
        return Dispatch.etherType(type, b, off + SLL_HEADER, len - SLL_HEADER, v, s);
    }

    static boolean decodeV2(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < SLL2_HEADER) {
            s.malformed(DecodeStats.Reason.SLL2_TRUNCATED);
            return false;
        }
        int type = b.getShort(off) & 0xFFFF;
        return Dispatch.etherType(type, b, off + SLL2_HEADER, len - SLL2_HEADER, v, s);
    }
}
