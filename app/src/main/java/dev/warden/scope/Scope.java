package dev.warden.scope;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The allow-list every scan is checked against before its first packet: targets outside it are refused. The
 * default, when the user names no scope, is loopback only ({@code 127.0.0.0/8}), so a mistyped target can never
 * reach someone else's network; a user scanning a real network widens it explicitly with {@code --scope}.
 *
 * @param blocks the allowed IPv4 blocks
 */
public record Scope(List<Cidr> blocks) {
    /** The safety default: loopback only. */
    public static final Scope LOOPBACK_ONLY = parse(List.of("127.0.0.0/8"));

    public Scope {
        blocks = List.copyOf(blocks);
    }

    /** Parses CIDR blocks or single addresses; throws {@link TargetException} naming a bad one. */
    public static Scope parse(Collection<String> specs) {
        List<Cidr> out = new ArrayList<>();
        for (String arg : specs) {
            for (String s : arg.trim().split("[,\\s]+")) {
                if (!s.isEmpty()) {
                    out.add(Cidr.parse(s, "scope"));
                }
            }
        }
        if (out.isEmpty()) {
            throw new TargetException("scope is empty: give at least one CIDR block");
        }
        return new Scope(out);
    }

    /** Parses a comma- or space-separated list of CIDR blocks or addresses. */
    public static Scope parse(String specs) {
        return parse(List.of(specs));
    }

    /** Whether an address in text form is inside the scope; anything that is not an IPv4 literal is not. */
    public boolean contains(String ip) {
        try {
            InetAddress a = InetAddress.ofLiteral(ip);
            return a.getAddress().length == 4 && allows(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean allows(InetAddress host) {
        long v = Ipv4.of(host);
        return blocks.stream().anyMatch(b -> b.contains(v));
    }

    /** Refuses the whole scan, naming the first hosts outside the scope, if any target is not allowed. */
    public void check(Targets targets) {
        List<String> outside = new ArrayList<>();
        int count = 0;
        for (InetAddress h : targets.hosts()) {
            if (!allows(h)) {
                count++;
                if (outside.size() < 5) {
                    outside.add(h.getHostAddress());
                }
            }
        }
        if (count > 0) {
            throw new ScopeException(count + " target(s) outside the scope " + this + ": " + String.join(", ", outside)
                    + (count > outside.size() ? ", ..." : "") + "; nothing was sent. Widen it with --scope <cidr>"
                    + " only for networks you are allowed to test");
        }
    }

    @Override
    public String toString() {
        return blocks.stream().map(Cidr::text).toList().toString();
    }
}
