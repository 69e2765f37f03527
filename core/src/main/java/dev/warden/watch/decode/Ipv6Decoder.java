package dev.warden.watch.decode;

import java.nio.ByteBuffer;

/**
 * IPv6: the fixed header, then at most {@link #MAX_EXTENSION_HEADERS} extension headers (hop-by-hop, routing,
 * destination options, fragment, AH, mobility, HIP, shim6) before the protocol dispatch. A non-first fragment is
 * noted and not decoded further.
 */
final class Ipv6Decoder {
    static final int HEADER = 40;
    /** RFC 8200 expects a handful; a long chain is an evasion attempt, not traffic to decode. */
    static final int MAX_EXTENSION_HEADERS = 8;
    private static final int FRAGMENT_HEADER = 8;
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AH = 51;
    private static final int NO_NEXT = 59;
    private static final int DEST_OPTIONS = 60;
    private static final int MOBILITY = 135;
    private static final int HIP = 139;
    private static final int SHIM6 = 140;

    private Ipv6Decoder() {
    }

    static boolean decode(ByteBuffer b, int off, int len, PacketView v, DecodeStats s) {
        if (len < HEADER) {
            s.malformed(DecodeStats.Reason.IPV6_TRUNCATED);
            return false;
        }
        int word = b.getInt(off);
        if (word >>> 28 != 6) {
            s.malformed(DecodeStats.Reason.IPV6_BAD_VERSION);
            return false;
        }
        v.l3Offset = off;
        v.tos = (word >>> 20) & 0xFF;
        int payloadLength = b.getShort(off + 4) & 0xFFFF;
        int next = b.get(off + 6) & 0xFF;
        v.ttl = b.get(off + 7) & 0xFF;
        v.ipv6(b.getLong(off + 8), b.getLong(off + 16), b.getLong(off + 24), b.getLong(off + 32));
        int end = off + len;
        if (payloadLength != 0) {
            if (HEADER + payloadLength > len) {
                v.truncated = true;
            } else {
                end = off + HEADER + payloadLength;
            }
        }
        int pos = off + HEADER;
        for (int i = 0; ; i++) {
            if (!isExtension(next)) {
                return Dispatch.ipProtocol(next, b, pos, end - pos, v, s);
            }
            if (i == MAX_EXTENSION_HEADERS) {
                s.malformed(DecodeStats.Reason.IPV6_EXT_TOO_MANY);
                return false;
            }
            if (end - pos < 2) {
                s.malformed(DecodeStats.Reason.IPV6_EXT_TRUNCATED);
                return false;
            }
            int following = b.get(pos) & 0xFF;
            int extLength;
            if (next == FRAGMENT) {
                extLength = FRAGMENT_HEADER;
            } else if (next == AH) {
                extLength = ((b.get(pos + 1) & 0xFF) + 2) * 4;
            } else {
                extLength = ((b.get(pos + 1) & 0xFF) + 1) * 8;
            }
            if (end - pos < extLength) {
                s.malformed(DecodeStats.Reason.IPV6_EXT_TRUNCATED);
                return false;
            }
            if (next == FRAGMENT) {
                int offsetFlags = b.getShort(pos + 2) & 0xFFFF;
                v.fragment = true;
                v.fragmentOffset = offsetFlags & 0xFFF8;
                v.moreFragments = (offsetFlags & 1) != 0;
                v.ipId = b.getInt(pos + 4);
                if (v.fragmentOffset != 0) {
                    s.note(DecodeStats.Reason.IPV6_FRAGMENT);
                    v.protocol = following;
                    v.l4Offset = pos + extLength;
                    v.payload(pos + extLength, end - pos - extLength);
                    return true;
                }
            }
            next = following;
            pos += extLength;
        }
    }

    private static boolean isExtension(int next) {
        switch (next) {
            case HOP_BY_HOP:
            case ROUTING:
            case FRAGMENT:
            case AH:
            case DEST_OPTIONS:
            case MOBILITY:
            case HIP:
            case SHIM6:
                return true;
            default:
                return false;
        }
    }
}
