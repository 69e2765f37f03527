package dev.warden.assess;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The allow-list of a scan: the networks the owner said Warden may talk to, as CIDR blocks
 * ({@code 192.168.1.0/24}, {@code 127.77.213.0/24}, a single address). Every connection is checked against it before
 * it is opened; a cross-device finding is only reported for an address inside it.
 */
public final class Scope {
    private final List<byte[]> networks;
    private final List<Integer> prefixes;
    private final List<String> text;

    private Scope(List<byte[]> networks, List<Integer> prefixes, List<String> text) {
        this.networks = networks;
        this.prefixes = prefixes;
        this.text = text;
    }

    /** Parses CIDR blocks (IPv4 or IPv6 literals, no host names); a bad entry throws naming it. */
    public static Scope of(List<String> cidrs) {
        List<byte[]> nets = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String c : cidrs) {
            String s = c.trim();
            int slash = s.indexOf('/');
            byte[] addr = literal(slash < 0 ? s : s.substring(0, slash), c);
            int prefix = addr.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("scope '" + c + "': bad prefix length");
                }
                if (prefix < 0 || prefix > addr.length * 8) {
                    throw new IllegalArgumentException("scope '" + c + "': prefix length out of range");
                }
            }
            nets.add(addr);
            prefixes.add(prefix);
        }
        return new Scope(nets, prefixes, List.copyOf(cidrs));
    }

    /** Parses a comma-separated list. */
    public static Scope parse(String cidrs) {
        return of(List.of(cidrs.split(",")));
    }

    /** Whether the address (a literal) lies in one of the blocks; anything unparsable is outside. */
    public boolean contains(String ip) {
        byte[] a;
        try {
            a = literal(ip, ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            byte[] n = networks.get(i);
            if (n.length == a.length && samePrefix(n, a, prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] n, byte[] a, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((n[i / 8] & mask) != (a[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String s, String original) {
        if (s.isEmpty() || !(s.contains(":") || s.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("scope '" + original + "': not an IP address literal");
        }
        try {
            return InetAddress.getByName(s).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("scope '" + original + "': not an IP address literal");
        }
    }

    @Override
    public String toString() {
        return String.join(",", text);
    }
}
