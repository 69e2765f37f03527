package dev.warden.lab.traffic;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a pcapng file: one section whose header carries a comment (how the file was made), one Ethernet interface
 * with nanosecond timestamps, then enhanced packet blocks. Hand-written because it is three fixed block layouts; the
 * Java pcap libraries bind libpcap, which the lab does not need.
 */
final class PcapngWriter implements Closeable {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final short OPT_COMMENT = 1;
    private static final short OPT_SHB_USERAPPL = 4;
    private static final short OPT_IF_TSRESOL = 9;

    private final OutputStream out;

    PcapngWriter(Path file, String comment, String application, int snapLength) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        byte[] c = comment.getBytes(StandardCharsets.UTF_8);
        byte[] app = application.getBytes(StandardCharsets.UTF_8);
        ByteBuffer shb = block(SHB, 16 + option(c.length) + option(app.length) + 4);
        shb.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        putOption(shb, OPT_COMMENT, c);
        putOption(shb, OPT_SHB_USERAPPL, app);
        shb.putInt(0);
        write(shb);
        ByteBuffer idb = block(IDB, 8 + option(1) + 4);
        idb.putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(snapLength);
        putOption(idb, OPT_IF_TSRESOL, new byte[] {9});
        idb.putInt(0);
        write(idb);
    }

    /** One packet: {@code data} is what was captured, {@code originalLength} what was on the wire. */
    void packet(long tsNanos, byte[] data, int originalLength) throws IOException {
        ByteBuffer b = block(EPB, 20 + pad(data.length));
        b.putInt(0).putInt((int) (tsNanos >>> 32)).putInt((int) tsNanos).putInt(data.length).putInt(originalLength);
        b.put(data);
        b.position(b.position() + pad(data.length) - data.length);
        write(b);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static ByteBuffer block(int type, int body) {
        int total = 12 + body;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(total);
        b.putInt(total - 4, total);
        return b;
    }

    private void write(ByteBuffer b) throws IOException {
        out.write(b.array(), 0, b.capacity());
    }

    private static int option(int length) {
        return 4 + pad(length);
    }

    private static void putOption(ByteBuffer b, short code, byte[] value) {
        b.putShort(code).putShort((short) value.length).put(value);
        b.position(b.position() + pad(value.length) - value.length);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
