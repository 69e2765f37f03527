package dev.warden.scope;

/**
 * An IPv4 block {@code a.b.c.d/n} (a bare address is {@code /32}); host bits in the address are ignored, as
 * routers do. Addresses are unsigned 32-bit numbers held in a long.
 *
 * @param first lowest address of the block
 * @param last  highest address of the block
 * @param text  the block as written, for messages
 */
public record Cidr(long first, long last, String text) {

    /** Parses a block; {@code what} names the option in the error message. */
    public static Cidr parse(String s, String what) {
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (Ipv4.looksLikeIpv6(addr)) {
            throw new TargetException(what + " '" + s + "': IPv6 is not supported yet (IPv4 only)");
        }
        long base = Ipv4.parse(addr);
        if (base < 0) {
            throw new TargetException(what + " '" + s + "' is not an IPv4 address or CIDR block (e.g. 127.77.0.0/24)");
        }
        int prefix = 32;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,2}") || Integer.parseInt(p) > 32) {
                throw new TargetException(what + " '" + s + "': prefix length must be 0..32");
            }
            prefix = Integer.parseInt(p);
        }
        long size = 1L << (32 - prefix);
        long first = base & ~(size - 1) & 0xFFFFFFFFL;
        return new Cidr(first, first + size - 1, s);
    }

    /** Whether the block holds an address given as its unsigned 32-bit number. */
    public boolean contains(long ip) {
        return ip >= first && ip <= last;
    }
}
