package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/** Ethernet II with up to {@link #MAX_VLAN_TAGS} stacked 802.1Q / 802.1ad tags; 802.3 length frames are noted. */
final class EthernetDecoder {
    static final int HEADER = 14;
    static final int VLAN_TAG = 4;
    /** QinQ is two tags; a few more are legal but anything past four is garbage or an attack on parsers. */
    static final int MAX_VLAN_TAGS = 4;
    private static final int MIN_ETHERTYPE = 0x0600;

    private EthernetDecoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < HEADER) {
            s.malformed(DecodeStats.Reason.ETH_TRUNCATED);
            return false;
        }
        int type = b.getShort(off + 12) & 0xFFFF;
        int pos = off + HEADER;
        int end = off + len;
        int tags = 0;
        while (type == Dispatch.ETHERTYPE_VLAN || type == Dispatch.ETHERTYPE_QINQ || type == Dispatch.ETHERTYPE_QINQ_OLD) {
            if (tags == MAX_VLAN_TAGS) {
                s.malformed(DecodeStats.Reason.VLAN_TOO_DEEP);
                return false;
            }
            if (end - pos < VLAN_TAG) {
                s.malformed(DecodeStats.Reason.VLAN_TRUNCATED);
                return false;
            }
            int vid = b.getShort(pos) & 0x0FFF;
            if (v.vlanCount == 0) {
                v.outerVlan = vid;
            } else if (v.vlanCount == 1) {
                v.innerVlan = vid;
            }
            v.vlanCount++;
            tags++;
            type = b.getShort(pos + 2) & 0xFFFF;
            pos += VLAN_TAG;
        }
        if (type < MIN_ETHERTYPE) {
            return Dispatch.opaque(DecodeStats.Reason.ETHERTYPE_OTHER, pos, end - pos, v, s);
        }
        return Dispatch.etherType(type, b, pos, end - pos, v, s);
    }
}
