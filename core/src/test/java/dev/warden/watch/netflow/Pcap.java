package dev.warden.watch.netflow;

/**
 * Writes a classic pcap (Ethernet, microsecond timestamps) of IPv4 TCP and UDP packets, built byte by byte, so the
 * softflowd test knows exactly how many packets and layer-3 bytes it fed the exporter.
 */
final class Pcap {
    private final Wire out = new Wire();
    long packets;
    long ipBytes;

    Pcap() {
        // the pcap file header is little-endian; Wire writes big-endian, so the magic and fields are byte-swapped
        out.u32(0xD4C3B2A1L).u16(0x0200).u16(0x0400).u32(0).u32(0).u32(0xFFFF0000L).u32(0x01000000L);
    }

    /** One IPv4 packet: protocol 6 (with TCP flags) or 17, {@code payload} bytes of data. */
    Pcap packet(long micros, int src, int dst, int protocol, int srcPort, int dstPort, int tcpFlags, int payload) {
        int l4 = protocol == 6 ? 20 : 8;
        int ipLength = 20 + l4 + payload;
        Wire frame = new Wire().u16(0x0200).u32(1).u16(0x0200).u32(2).u16(0x0800);
        Wire ip = new Wire().u8(0x45).u8(0).u16(ipLength).u16(1).u16(0x4000).u8(64).u8(protocol).u16(0)
                .u32(src & 0xFFFF_FFFFL).u32(dst & 0xFFFF_FFFFL);
        byte[] header = ip.toBytes();
        int checksum = checksum(header);
        header[10] = (byte) (checksum >>> 8);
        header[11] = (byte) checksum;
        frame.bytes(header).u16(srcPort).u16(dstPort);
        if (protocol == 6) {
            frame.u32(1).u32(1).u8(0x50).u8(tcpFlags).u16(65535).u16(0).u16(0);
        } else {
            frame.u16(8 + payload).u16(0);
        }
        frame.bytes(new byte[payload]);
        byte[] f = frame.toBytes();
        out.bytes(le32(micros / 1_000_000)).bytes(le32(micros % 1_000_000)).bytes(le32(f.length))
                .bytes(le32(f.length)).bytes(f);
        packets++;
        ipBytes += ipLength;
        return this;
    }

    byte[] toBytes() {
        return out.toBytes();
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static int checksum(byte[] header) {
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += (header[i] & 0xFF) << 8 | header[i + 1] & 0xFF;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }
}
