package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * The one registry that says which decoder handles which link type, ethertype and IP protocol. Switches on int
 * compile to jump tables, so dispatch costs no allocation and no lookup structure.
 */
final class Dispatch {
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW_OLD = 12;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    static final int ETHERTYPE_TEB = 0x6558;

    static final int IPPROTO_IPIP = 4;
    static final int IPPROTO_IPV6 = 41;

    /** Tunnels (GRE, IP in IP, bridged Ethernet) followed before giving up: GRE in GRE is real, 4 deep is not. */
    static final int MAX_ENCAP_DEPTH = 4;

    private Dispatch() {
    }

    static boolean link(int linkType, ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        switch (linkType) {
            case LINKTYPE_ETHERNET:
                return EthernetDecoder.decode(b, off, len, v, s);
            case LINKTYPE_LINUX_SLL:
                return SllDecoder.decode(b, off, len, v, s);
            case LINKTYPE_LINUX_SLL2:
                return SllDecoder.decodeV2(b, off, len, v, s);
            case LINKTYPE_NULL:
                return NullDecoder.decode(b, off, len, v, s, false);
            case LINKTYPE_LOOP:
                return NullDecoder.decode(b, off, len, v, s, true);
            case LINKTYPE_RAW:
            case LINKTYPE_RAW_OLD:
                return rawIp(b, off, len, v, s);
            case LINKTYPE_IPV4:
                return Ipv4Decoder.decode(b, off, len, v, s);
            case LINKTYPE_IPV6:
                return Ipv6Decoder.decode(b, off, len, v, s);
            default:
                return opaque(DecodeStats.Reason.LINK_UNSUPPORTED, off, len, v, s);
        }
    }

    /** Raw IP: the version nibble picks the decoder. */
    static boolean rawIp(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < 1) {
            s.malformed(DecodeStats.Reason.IPV4_TRUNCATED);
            return false;
        }
        int version = (b.get(off) & 0xF0) >>> 4;
        if (version == 4) {
            return Ipv4Decoder.decode(b, off, len, v, s);
        }
        if (version == 6) {
            return Ipv6Decoder.decode(b, off, len, v, s);
        }
        s.malformed(DecodeStats.Reason.RAW_BAD_VERSION);
        return false;
    }

    /** The network layer after an ethertype (Ethernet, VLAN, SLL, GRE). VLAN tags are handled by the caller. */
    static boolean etherType(int type, ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        v.etherType = type;
        switch (type) {
            case ETHERTYPE_IPV4:
                return Ipv4Decoder.decode(b, off, len, v, s);
            case ETHERTYPE_IPV6:
                return Ipv6Decoder.decode(b, off, len, v, s);
            default:
                return opaque(DecodeStats.Reason.ETHERTYPE_OTHER, off, len, v, s);
        }
    }

    /** The transport layer (or a tunnel) after an IP header and its extensions. */
    static boolean ipProtocol(int protocol, ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        v.protocol = protocol;
        v.l4Offset = off;
        switch (protocol) {
            case PacketView.PROTO_TCP:
                return TcpDecoder.decode(b, off, len, v, s);
            case PacketView.PROTO_UDP:
                return UdpDecoder.decode(b, off, len, v, s);
            case PacketView.PROTO_ICMP:
                return IcmpDecoder.decode(b, off, len, v, s, DecodeStats.Reason.ICMP_TRUNCATED);
            case PacketView.PROTO_ICMPV6:
                return IcmpDecoder.decode(b, off, len, v, s, DecodeStats.Reason.ICMPV6_TRUNCATED);
            case PacketView.PROTO_GRE:
                return GreDecoder.decode(b, off, len, v, s);
            case IPPROTO_IPIP:
                return enterTunnel(v, s) && Ipv4Decoder.decode(b, off, len, v, s);
            case IPPROTO_IPV6:
                return enterTunnel(v, s) && Ipv6Decoder.decode(b, off, len, v, s);
            default:
                return opaque(DecodeStats.Reason.IP_OTHER_PROTOCOL, off, len, v, s);
        }
    }

    /** Notes input that is valid but not decoded further and leaves it as the payload; always true. */
    static boolean opaque(DecodeStats.Reason note, int off, int len, PacketView v, DecodeStats s) {
        s.note(note);
        v.payload(off, len);
        return true;
    }

    /** Records the outer header before an inner packet is decoded; false (counted) past {@link #MAX_ENCAP_DEPTH}. */
    static boolean enterTunnel(PacketView v, DecodeStats s) {
        if (v.encapDepth >= MAX_ENCAP_DEPTH) {
            s.malformed(DecodeStats.Reason.ENCAP_TOO_DEEP);
            return false;
        }
        v.enterTunnel();
        return true;
    }
}
