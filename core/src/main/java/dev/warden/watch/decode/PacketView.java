package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * One decoded packet, as a flyweight: {@link PacketDecoder} refills the same instance for every packet, so reading
 * millions of packets allocates nothing. Values stay valid until the next decode; copy what must outlive it.
 * Addresses are held as two longs each; an IPv4 address is stored IPv4-mapped ({@code ::ffff:a.b.c.d}) so the
 * same fields serve both versions. When packets are tunnelled (GRE, IP in IP) the address, protocol and port fields
 * describe the innermost packet and the {@code tunnel*} fields the outermost IP header.
 */
public final class PacketView {
    /** Protocol numbers the view reports in {@link #protocol()}. */
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_GRE = 47;
    public static final int PROTO_ICMPV6 = 58;

    /** TCP flag bits as in {@link #tcpFlags()}. */
    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;
    public static final int TCP_URG = 0x20;

    private static final long V4_MAPPED_LOW = 0x0000FFFF00000000L;

    ByteBuffer buffer;
    long timestampNanos;
    int linkType;
    int capturedLength;
    int originalLength;
    boolean truncated;

    int vlanCount;
    int outerVlan;
    int innerVlan;
    int etherType;

    int encapDepth;
    int tunnelProtocol;
    int tunnelIpVersion;
    long tunnelSrcHigh;
    long tunnelSrcLow;
    long tunnelDstHigh;
    long tunnelDstLow;
    boolean greKeyPresent;
    long greKey;

    int ipVersion;
    int l3Offset;
    long srcHigh;
    long srcLow;
    long dstHigh;
    long dstLow;
    int ttl;
    int ipId;
    int tos;
    boolean dontFragment;
    boolean fragment;
    boolean moreFragments;
    int fragmentOffset;
    int protocol;

    int l4Offset;
    int srcPort;
    int dstPort;
    int tcpFlags;
    long seq;
    long ack;
    int window;
    int icmpType;
    int icmpCode;

    int payloadOffset;
    int payloadLength;

    void reset(long timestampNanos, int linkType, int capturedLength, int originalLength) {
        this.timestampNanos = timestampNanos;
        this.linkType = linkType;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        truncated = capturedLength < originalLength;
        vlanCount = outerVlan = innerVlan = etherType = 0;
        encapDepth = tunnelProtocol = tunnelIpVersion = 0;
        tunnelSrcHigh = tunnelSrcLow = tunnelDstHigh = tunnelDstLow = 0;
        greKeyPresent = false;
        greKey = 0;
        ipVersion = l3Offset = ttl = ipId = tos = fragmentOffset = protocol = 0;
        srcHigh = srcLow = dstHigh = dstLow = 0;
        dontFragment = fragment = moreFragments = false;
        l4Offset = srcPort = dstPort = tcpFlags = window = icmpType = icmpCode = 0;
        seq = ack = 0;
        payloadOffset = payloadLength = 0;
    }

    void ipv4(int src, int dst) {
        ipVersion = 4;
        srcHigh = 0;
        srcLow = V4_MAPPED_LOW | (src & 0xFFFFFFFFL);
        dstHigh = 0;
        dstLow = V4_MAPPED_LOW | (dst & 0xFFFFFFFFL);
    }

    void ipv6(long srcHigh, long srcLow, long dstHigh, long dstLow) {
        ipVersion = 6;
        this.srcHigh = srcHigh;
        this.srcLow = srcLow;
        this.dstHigh = dstHigh;
        this.dstLow = dstLow;
    }

    /** Remembers the current (outermost) IP header as the tunnel endpoints before an inner packet is decoded. */
    void enterTunnel() {
        if (encapDepth++ == 0) {
            tunnelProtocol = protocol;
            tunnelIpVersion = ipVersion;
            tunnelSrcHigh = srcHigh;
            tunnelSrcLow = srcLow;
            tunnelDstHigh = dstHigh;
            tunnelDstLow = dstLow;
        }
        fragment = moreFragments = dontFragment = false;
        fragmentOffset = 0;
        protocol = 0;
    }

    void payload(int offset, int length) {
        payloadOffset = offset;
        payloadLength = Math.max(0, length);
    }

    /**
     * The reused record buffer the packet was decoded from (big-endian; read with absolute gets only, never change
     * its position): the payload is {@code [payloadOffset(), payloadOffset() + payloadLength())}. Valid until the next
     * decode, like every other value here; null before the first.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Capture timestamp in nanoseconds since the Unix epoch. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** The LINKTYPE_* value of the capture interface. */
    public int linkType() {
        return linkType;
    }

    public int capturedLength() {
        return capturedLength;
    }

    public int originalLength() {
        return originalLength;
    }

    /** True when the capture cut the packet (snap length) or a header promised more bytes than were captured. */
    public boolean truncated() {
        return truncated;
    }

    /** Number of 802.1Q/802.1ad tags crossed. */
    public int vlanCount() {
        return vlanCount;
    }

    /** VLAN id of the first (outer) tag, 0 without tags. */
    public int outerVlan() {
        return outerVlan;
    }

    /** VLAN id of the second (inner, QinQ) tag, 0 with fewer than two tags. */
    public int innerVlan() {
        return innerVlan;
    }

    /** Ethertype of the (innermost) network layer, 0 for raw IP links. */
    public int etherType() {
        return etherType;
    }

    /** Number of tunnels (GRE, IP in IP) crossed to reach the inner packet. */
    public int encapDepth() {
        return encapDepth;
    }

    /** IP protocol of the outermost tunnel ({@link #PROTO_GRE}, 4 for IP in IP, 41 for IPv6 in IP), else 0. */
    public int tunnelProtocol() {
        return tunnelProtocol;
    }

    /** IP version of the outermost header when {@link #encapDepth()} &gt; 0, else 0. */
    public int tunnelIpVersion() {
        return tunnelIpVersion;
    }

    public long tunnelSrcHigh() {
        return tunnelSrcHigh;
    }

    public long tunnelSrcLow() {
        return tunnelSrcLow;
    }

    public long tunnelDstHigh() {
        return tunnelDstHigh;
    }

    public long tunnelDstLow() {
        return tunnelDstLow;
    }

    public boolean greKeyPresent() {
        return greKeyPresent;
    }

    /** The GRE key of the innermost GRE header carrying one, unsigned. */
    public long greKey() {
        return greKey;
    }

    /** 4, 6, or 0 when no IP layer was decoded. */
    public int ipVersion() {
        return ipVersion;
    }

    /** Offset of the (innermost) IP header in the record buffer. */
    public int l3Offset() {
        return l3Offset;
    }

    public long srcHigh() {
        return srcHigh;
    }

    public long srcLow() {
        return srcLow;
    }

    public long dstHigh() {
        return dstHigh;
    }

    public long dstLow() {
        return dstLow;
    }

    /** The IPv4 source as an int (meaningful when {@link #ipVersion()} is 4). */
    public int srcIpv4() {
        return (int) srcLow;
    }

    /** The IPv4 destination as an int (meaningful when {@link #ipVersion()} is 4). */
    public int dstIpv4() {
        return (int) dstLow;
    }

    /** TTL (IPv4) or hop limit (IPv6). */
    public int ttl() {
        return ttl;
    }

    /** IPv4 identification, or the IPv6 fragment header's identification when present. */
    public int ipId() {
        return ipId;
    }

    /** IPv4 type of service or IPv6 traffic class. */
    public int tos() {
        return tos;
    }

    public boolean dontFragment() {
        return dontFragment;
    }

    /** True for any fragment (first or later); only a first fragment has ports. */
    public boolean fragment() {
        return fragment;
    }

    public boolean moreFragments() {
        return moreFragments;
    }

    /** Fragment offset in bytes. */
    public int fragmentOffset() {
        return fragmentOffset;
    }

    /** True for a non-first fragment: no transport header, the payload is the fragment data. */
    public boolean laterFragment() {
        return fragment && fragmentOffset != 0;
    }

    /** The innermost transport protocol number (after IPv6 extension headers), 0 without an IP layer. */
    public int protocol() {
        return protocol;
    }

    public int l4Offset() {
        return l4Offset;
    }

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    /** TCP flags, the nine low bits of the flags field (see the {@code TCP_*} constants). */
    public int tcpFlags() {
        return tcpFlags;
    }

    public boolean hasTcpFlags(int mask) {
        return (tcpFlags & mask) == mask;
    }

    /** TCP sequence number, unsigned. */
    public long seq() {
        return seq;
    }

    /** TCP acknowledgement number, unsigned. */
    public long ack() {
        return ack;
    }

    public int window() {
        return window;
    }

    public int icmpType() {
        return icmpType;
    }

    public int icmpCode() {
        return icmpCode;
    }

    /** Offset in the record buffer of the data after the last decoded header. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Captured length of that data (may be less than the packet said when truncated). */
    public int payloadLength() {
        return payloadLength;
    }

    /** Byte {@code index} of the captured payload as 0-255, or -1 past its end. */
    public int payloadByte(int index) {
        if (buffer == null || index < 0 || index >= payloadLength) {
            return -1;
        }
        return buffer.get(payloadOffset + index) & 0xFF;
    }

    /** True when the captured payload begins with the bytes of {@code prefix}. */
    public boolean payloadStartsWith(byte[] prefix) {
        if (buffer == null || prefix.length > payloadLength) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(payloadOffset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The source address as text (allocates; for tests and reports, not the per-packet path). */
    public String srcAddress() {
        return address(srcHigh, srcLow, ipVersion);
    }

    /** The destination address as text (allocates; for tests and reports, not the per-packet path). */
    public String dstAddress() {
        return address(dstHigh, dstLow, ipVersion);
    }

    /** An address held as two longs, as text: dotted quad for version 4, RFC 5952 short form for 6. */
    public static String address(long high, long low, int version) {
        if (version == 4) {
            return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
        }
        if (version != 6) {
            return "";
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
