package dev.warden.watch.netflow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Builds datagrams for the tests: big-endian writes plus NetFlow v5, v9 and IPFIX framing helpers. */
final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Wire u8(int v) {
        out.write(v);
        return this;
    }

    Wire u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    Wire u32(long v) {
        return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    Wire u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    Wire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Wire ip(int a, int b, int c, int d) {
        return u8(a).u8(b).u8(c).u8(d);
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** A set/flowset: id, length (header included) and body padded to {@code align} bytes with zeros. */
    static byte[] set(int id, Wire body, int align) {
        byte[] b = body.toBytes();
        int length = 4 + b.length;
        int padded = (length + align - 1) / align * align;
        return new Wire().u16(id).u16(padded).bytes(b).bytes(new byte[padded - length]).toBytes();
    }

    /** An IPFIX message: header with the right length around the given sets. */
    static ByteBuffer ipfix(long exportSeconds, long sequence, long domain, byte[]... sets) {
        Wire body = new Wire();
        for (byte[] s : sets) {
            body.bytes(s);
        }
        return ByteBuffer.wrap(new Wire().u16(10).u16(16 + body.size()).u32(exportSeconds).u32(sequence).u32(domain)
                .bytes(body.toBytes()).toBytes());
    }

    /** A v9 datagram: header (count = records of any kind) around the given flowsets. */
    static ByteBuffer v9(int count, long uptimeMillis, long unixSeconds, long sequence, long sourceId, byte[]... sets) {
        Wire w = new Wire().u16(9).u16(count).u32(uptimeMillis).u32(unixSeconds).u32(sequence).u32(sourceId);
        for (byte[] s : sets) {
            w.bytes(s);
        }
        return ByteBuffer.wrap(w.toBytes());
    }
}
