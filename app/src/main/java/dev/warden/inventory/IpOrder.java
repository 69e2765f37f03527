package dev.warden.inventory;

import java.util.Comparator;

/** Orders addresses as people expect: IPv4 numerically (127.77.0.9 before 127.77.0.10), then anything else as text. */
public final class IpOrder {
    public static final Comparator<String> COMPARATOR = Comparator.comparingLong(IpOrder::ipv4Value)
            .thenComparing(Comparator.naturalOrder());

    private IpOrder() {
    }

    /** The IPv4 address as an unsigned number, or Long.MAX_VALUE when the text is not dotted IPv4. */
    static long ipv4Value(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return Long.MAX_VALUE;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Long.MAX_VALUE;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Long.MAX_VALUE;
            }
            v = v << 8 | octet;
        }
        return v;
    }
}
