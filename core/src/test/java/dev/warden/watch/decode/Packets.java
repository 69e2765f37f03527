package dev.warden.watch.decode;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Builds packet bytes layer by layer for decoder tests (network byte order, checksums left zero). */
public final class Packets {
    static final byte[] MAC_A = {2, 0, 0, 0, 0, 1};
    static final byte[] MAC_B = {2, 0, 0, 0, 0, 2};

    private Packets() {
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] addr(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Ethernet II; each of {@code vlans} adds a tag, the first with the 802.1ad TPID when there are two or more. */
    public static byte[] eth(int etherType, byte[] payload, int... vlans) {
        byte[] tags = new byte[0];
        for (int i = 0; i < vlans.length; i++) {
            int tpid = i == 0 && vlans.length > 1 ? 0x88A8 : 0x8100;
            tags = cat(tags, u16(tpid), u16(vlans[i]));
        }
        if (tags.length > 0) {
            return cat(MAC_B, MAC_A, tags, u16(etherType), payload);
        }
        return cat(MAC_B, MAC_A, u16(etherType), payload);
    }

    static byte[] sll(int protocol, byte[] payload) {
        return cat(u16(0), u16(1), u16(6), MAC_A, new byte[2], u16(protocol), payload);
    }

    static byte[] sll2(int protocol, byte[] payload) {
        return cat(u16(protocol), u16(0), u32(3), u16(1), new byte[] {0, 6}, MAC_A, new byte[2], payload);
    }

    /** BSD loopback header: the family in little-endian (host order of an x86 capture) or network order. */
    static byte[] loopback(int family, boolean littleEndian, byte[] payload) {
        byte[] f = u32(family);
        if (littleEndian) {
            f = new byte[] {f[3], f[2], f[1], f[0]};
        }
        return cat(f, payload);
    }

    public static byte[] ipv4(int protocol, String src, String dst, byte[] payload) {
        return ipv4(protocol, src, dst, 64, 0x1234, 0x4000, new byte[0], payload);
    }

    /** IPv4 with explicit TTL, id, flags+fragment-offset word (offset in 8-byte units) and options (multiple of 4). */
    public static byte[] ipv4(int protocol, String src, String dst, int ttl, int id, int flagsOffset, byte[] options,
                       byte[] payload) {
        int hl = 20 + options.length;
        return cat(new byte[] {(byte) (0x40 | hl / 4), 0x10}, u16(hl + payload.length), u16(id), u16(flagsOffset),
                new byte[] {(byte) ttl, (byte) protocol}, u16(0), addr(src), addr(dst), options, payload);
    }

    static byte[] ipv6(int next, String src, String dst, byte[] payload) {
        return cat(u32(0x6A_B0_00_00L), u16(payload.length), new byte[] {(byte) next, 55}, addr(src), addr(dst),
                payload);
    }

    /** A generic IPv6 extension header (hop-by-hop, destination options, routing) of 8 bytes padded body. */
    static byte[] ipv6Ext(int next, byte[] payload) {
        return cat(new byte[] {(byte) next, 0, 1, 4, 0, 0, 0, 0}, payload);
    }

    static byte[] ipv6Fragment(int next, int offsetBytes, boolean more, int id, byte[] payload) {
        return cat(new byte[] {(byte) next, 0}, u16(offsetBytes | (more ? 1 : 0)), u32(id), payload);
    }

    /** GRE version 0 with checksum/key/sequence words when their values are non-null. */
    public static byte[] gre(int protocol, Integer checksum, Long key, Long seq, byte[] payload) {
        int flags = (checksum != null ? 0x8000 : 0) | (key != null ? 0x2000 : 0) | (seq != null ? 0x1000 : 0);
        byte[] out = cat(u16(flags), u16(protocol));
        if (checksum != null) {
            out = cat(out, u16(checksum), u16(0));
        }
        if (key != null) {
            out = cat(out, u32(key));
        }
        if (seq != null) {
            out = cat(out, u32(seq));
        }
        return cat(out, payload);
    }

    public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, byte[] options, byte[] payload) {
        int hl = 20 + options.length;
        return cat(u16(srcPort), u16(dstPort), u32(seq), u32(ack), u16((hl / 4) << 12 | flags), u16(29200), u16(0),
                u16(0), options, payload);
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return cat(u16(srcPort), u16(dstPort), u16(8 + payload.length), u16(0), payload);
    }

    static byte[] icmp(int type, int code, byte[] payload) {
        return cat(new byte[] {(byte) type, (byte) code}, u16(0), u32(0x0001_0002), payload);
    }
}
