package dev.warden.lab.traffic;

import java.nio.ByteBuffer;

/**
 * Builds Ethernet II frames carrying IPv4 with TCP, UDP or GRE (IPv4 over GRE, as Mirai's GRE flood sends), with
 * correct lengths and IP, TCP and UDP checksums. Addresses are IPv4 as ints; MAC addresses come from the {@link Lan}.
 */
final class Frames {
    static final int TCP_FIN = 0x01;
    static final int TCP_SYN = 0x02;
    static final int TCP_RST = 0x04;
    static final int TCP_PSH = 0x08;
    static final int TCP_ACK = 0x10;

    private static final int ETH = 14;
    private static final int IP = 20;
    private static final int TCP = 20;
    private static final int UDP = 8;
    private static final int GRE = 4;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_GRE = 47;

    private final Lan lan;

    Frames(Lan lan) {
        this.lan = lan;
    }

    /** A TCP segment; {@code ipId} is the IP identification. */
    byte[] tcp(int src, int dst, int sport, int dport, long seq, long ack, int flags, int window, byte[] payload,
               int ipId) {
        ByteBuffer b = start(src, dst, IP + TCP + payload.length, PROTO_TCP, ipId);
        int l4 = b.position();
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) window).putShort((short) 0).putShort((short) 0)
                .put(payload);
        b.putShort(l4 + 16, (short) transportChecksum(b, l4, TCP + payload.length, src, dst, PROTO_TCP));
        return b.array();
    }

    /** A UDP datagram. */
    byte[] udp(int src, int dst, int sport, int dport, byte[] payload, int ipId) {
        ByteBuffer b = start(src, dst, IP + UDP + payload.length, PROTO_UDP, ipId);
        putUdp(b, src, dst, sport, dport, payload);
        return b.array();
    }

    /** GRE (no key, no checksum) carrying an IPv4/UDP datagram from {@code src} to {@code innerDst}. */
    byte[] greIp(int src, int dst, int innerDst, int sport, int dport, byte[] payload, int ipId) {
        int inner = IP + UDP + payload.length;
        ByteBuffer b = start(src, dst, IP + GRE + inner, PROTO_GRE, ipId);
        b.putShort((short) 0).putShort((short) 0x0800);
        ipv4(b, src, innerDst, inner, PROTO_UDP, ipId);
        putUdp(b, src, innerDst, sport, dport, payload);
        return b.array();
    }

    private ByteBuffer start(int src, int dst, int ipLength, int protocol, int ipId) {
        ByteBuffer b = ByteBuffer.allocate(ETH + ipLength);
        b.put(lan.mac(dst, src)).put(lan.mac(src, dst)).putShort((short) 0x0800);
        ipv4(b, src, dst, ipLength, protocol, ipId);
        return b;
    }

    private void ipv4(ByteBuffer b, int src, int dst, int length, int protocol, int ipId) {
        int at = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) ipId).putShort((short) 0x4000)
                .put((byte) lan.ttl(src)).put((byte) protocol).putShort((short) 0).putInt(src).putInt(dst);
        b.putShort(at + 10, (short) finish(sum(b.array(), at, IP, 0)));
    }

    private static void putUdp(ByteBuffer b, int src, int dst, int sport, int dport, byte[] payload) {
        int l4 = b.position();
        b.putShort((short) sport).putShort((short) dport).putShort((short) (UDP + payload.length)).putShort((short) 0)
                .put(payload);
        int c = transportChecksum(b, l4, UDP + payload.length, src, dst, PROTO_UDP);
        b.putShort(l4 + 6, (short) (c == 0 ? 0xFFFF : c));
    }

    private static int transportChecksum(ByteBuffer b, int at, int length, int src, int dst, int protocol) {
        long s = (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + protocol + length;
        return finish(sum(b.array(), at, length, s));
    }

    private static long sum(byte[] a, int at, int length, long initial) {
        long s = initial;
        int end = at + length;
        int i = at;
        for (; i + 1 < end; i += 2) {
            s += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
        }
        if (i < end) {
            s += (a[i] & 0xFF) << 8;
        }
        return s;
    }

    private static int finish(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }
}
