package dev.warden.scope;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 addresses as unsigned 32-bit numbers held in a long: what target ranges and scope CIDRs compute with.
 * Literals only; a name is never resolved, so parsing a target can never send a DNS query.
 */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address as a number, or -1 when the text is not a dotted-quad IPv4 literal. */
    static long parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    static boolean looksLikeIpv6(String s) {
        return s.indexOf(':') >= 0;
    }

    static String text(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    static InetAddress address(long v) {
        byte[] b = {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** Number of an IPv4 {@link InetAddress}. */
    static long of(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 255L) << 24) | ((b[1] & 255L) << 16) | ((b[2] & 255L) << 8) | (b[3] & 255L);
    }
}
