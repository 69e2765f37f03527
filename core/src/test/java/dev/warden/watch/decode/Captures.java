package dev.warden.watch.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes classic pcap and pcapng bytes in either byte order for reader tests. */
public final class Captures {
    private Captures() {
    }

    private static ByteBuffer buffer(int size, boolean little) {
        return ByteBuffer.allocate(size).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    public static byte[] pcapHeader(boolean little, boolean nanos, int linkType) {
        return buffer(24, little).putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(65535).putInt(linkType).array();
    }

    public static byte[] pcapRecord(boolean little, long seconds, long fraction, byte[] data, int originalLength) {
        return buffer(16 + data.length, little).putInt((int) seconds).putInt((int) fraction).putInt(data.length)
                .putInt(originalLength).put(data).array();
    }

    /** A pcapng block: type, total length, body padded to 4, trailing total length. */
    static byte[] block(boolean little, int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        return buffer(12 + padded, little).putInt(type).putInt(12 + padded).put(body).position(8 + padded)
                .putInt(12 + padded).array();
    }

    static byte[] shb(boolean little) {
        return block(little, 0x0A0D0D0A, buffer(16, little).putInt(0x1A2B3C4D).putShort((short) 1)
                .putShort((short) 0).putLong(-1L).array());
    }

    /** An interface description block; {@code tsResol} below 0 leaves the option out (microseconds). */
    static byte[] idb(boolean little, int linkType, int snapLength, int tsResol) {
        ByteBuffer b = buffer(tsResol < 0 ? 12 : 24, little).putShort((short) linkType).putShort((short) 0)
                .putInt(snapLength);
        if (tsResol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsResol).put(new byte[3]);
            b.putShort((short) 0).putShort((short) 0);
        } else {
            b.putInt(0);
        }
        return block(little, 1, b.array());
    }

    static byte[] epb(boolean little, int interfaceId, long ticks, byte[] data, int originalLength) {
        return block(little, 6, buffer(20 + data.length, little).putInt(interfaceId).putInt((int) (ticks >>> 32))
                .putInt((int) ticks).putInt(data.length).putInt(originalLength).put(data).array());
    }

    static byte[] obsoletePacketBlock(boolean little, int interfaceId, long ticks, byte[] data) {
        return block(little, 2, buffer(20 + data.length, little).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(data.length).put(data)
                .array());
    }

    static byte[] spb(boolean little, byte[] data, int originalLength) {
        return block(little, 3, buffer(4 + data.length, little).putInt(originalLength).put(data).array());
    }
}
