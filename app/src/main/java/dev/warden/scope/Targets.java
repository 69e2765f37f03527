package dev.warden.scope;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts a scan will visit, expanded from what the user typed: single addresses ({@code 127.77.0.5}), CIDR blocks
 * ({@code 127.77.0.0/24}, every address in it) and ranges ({@code 127.77.0.1-60} on the last octet, or
 * {@code 127.77.0.1-127.77.1.20}). Several specs may share one argument, separated by commas or spaces. IPv4 only:
 * an IPv6 literal is recognised and refused with a clear message; names are refused, never resolved. Expansion is
 * capped at {@link #MAX_HOSTS} so a typo like {@code /8} fails at once instead of queueing 16 million hosts.
 *
 * @param hosts the distinct hosts, in the order given
 */
public record Targets(List<InetAddress> hosts) {
    /** Most hosts one scan may hold. */
    public static final int MAX_HOSTS = 65_536;

    public Targets {
        hosts = List.copyOf(hosts);
    }

    /** Expands target specs; throws {@link TargetException} naming the bad spec. */
    public static Targets parse(Collection<String> specs) {
        Set<Long> seen = new LinkedHashSet<>();
        for (String arg : specs) {
            for (String spec : arg.trim().split("[,\\s]+")) {
                if (!spec.isEmpty()) {
                    expand(spec, seen);
                }
            }
        }
        if (seen.isEmpty()) {
            throw new TargetException("no targets given");
        }
        List<InetAddress> out = new ArrayList<>(seen.size());
        for (long v : seen) {
            out.add(Ipv4.address(v));
        }
        return new Targets(out);
    }

    /** Convenience for one or more specs. */
    public static Targets parse(String... specs) {
        return parse(List.of(specs));
    }

    private static void expand(String spec, Set<Long> into) {
        long first;
        long last;
        int dash = spec.indexOf('-');
        if (spec.indexOf('/') >= 0) {
            Cidr c = Cidr.parse(spec, "target");
            first = c.first();
            last = c.last();
        } else if (dash >= 0) {
            first = address(spec.substring(0, dash), spec);
            String end = spec.substring(dash + 1);
            if (end.matches("\\d{1,3}")) {
                int octet = Integer.parseInt(end);
                if (octet > 255) {
                    throw new TargetException("target '" + spec + "': range end " + octet + " is not an octet (0..255)");
                }
                last = (first & ~255L) | octet;
            } else {
                last = address(end, spec);
            }
            if (last < first) {
                throw new TargetException("target '" + spec + "': range ends before it starts");
            }
        } else {
            first = address(spec, spec);
            last = first;
        }
        if (last - first + 1 + into.size() > MAX_HOSTS) {
            throw new TargetException("target '" + spec + "' makes more than " + MAX_HOSTS
                    + " hosts; split the scan or narrow the range");
        }
        for (long v = first; v <= last; v++) {
            into.add(v);
        }
    }

    private static long address(String s, String spec) {
        if (Ipv4.looksLikeIpv6(s)) {
            throw new TargetException("target '" + spec + "': IPv6 is not supported yet (IPv4 only)");
        }
        long v = Ipv4.parse(s);
        if (v < 0) {
            throw new TargetException("target '" + spec + "' is not an IPv4 address, CIDR block or range"
                    + " (e.g. 127.77.0.5, 127.77.0.0/24, 127.77.0.1-60); names are not resolved");
        }
        return v;
    }

    public int size() {
        return hosts.size();
    }
}
