package dev.warden.lab.traffic;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Application payloads of the synthetic traffic: DNS, NTP, RTP, TLS records, text lines and random filler. */
final class Payloads {
    private static final int DNS_A = 1;
    private static final int RCODE_NXDOMAIN = 3;

    private Payloads() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A standard query for the A record of {@code name}. */
    static byte[] dnsQuery(int id, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        header(b, id, 0x0100, 1, 0);
        question(b, name);
        return b.toByteArray();
    }

    /** The answer to {@link #dnsQuery}: one A record, or NXDOMAIN when {@code addr} is 0. */
    static byte[] dnsAnswer(int id, String name, int addr) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        header(b, id, addr == 0 ? 0x8180 | RCODE_NXDOMAIN : 0x8180, 1, addr == 0 ? 0 : 1);
        question(b, name);
        if (addr != 0) {
            ByteBuffer rr = ByteBuffer.allocate(16);
            rr.putShort((short) 0xC00C).putShort((short) DNS_A).putShort((short) 1).putInt(300).putShort((short) 4)
                    .putInt(addr);
            b.writeBytes(rr.array());
        }
        return b.toByteArray();
    }

    /** An NTP v4 packet of mode 3 (client) or 4 (server); the transmit timestamp from {@code tsNanos}. */
    static byte[] ntp(int mode, long tsNanos) {
        ByteBuffer b = ByteBuffer.allocate(48);
        b.put((byte) (4 << 3 | mode)).put((byte) (mode == 4 ? 2 : 0)).put((byte) 6).put((byte) 0xEC);
        long seconds = tsNanos / 1_000_000_000L + 2_208_988_800L;
        long fraction = (tsNanos % 1_000_000_000L) * (1L << 32) / 1_000_000_000L;
        b.putInt(40, (int) seconds).putInt(44, (int) fraction);
        return b.array();
    }

    /** An RTP packet (H.264, payload type 96) of {@code size} bytes in all. */
    static byte[] rtp(Random r, int seq, long timestamp, int ssrc, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) 0x80).put((byte) 96).putShort((short) seq).putInt((int) timestamp).putInt(ssrc);
        byte[] rest = random(r, size - 12);
        b.put(rest);
        return b.array();
    }

    /** A TLS 1.2 application-data record with {@code n} bytes of (random, "encrypted") content. */
    static byte[] tlsRecord(Random r, int n) {
        ByteBuffer b = ByteBuffer.allocate(5 + n);
        b.put((byte) 0x17).putShort((short) 0x0303).putShort((short) n).put(random(r, n));
        return b.array();
    }

    private static void header(ByteArrayOutputStream b, int id, int flags, int questions, int answers) {
        ByteBuffer h = ByteBuffer.allocate(12);
        h.putShort((short) id).putShort((short) flags).putShort((short) questions).putShort((short) answers);
        b.writeBytes(h.array());
    }

    private static void question(ByteArrayOutputStream b, String name) {
        for (String label : name.split("\\.")) {
            b.write(label.length());
            b.writeBytes(ascii(label));
        }
        b.write(0);
        b.writeBytes(new byte[] {0, DNS_A, 0, 1});
    }
}
