package dev.warden.watch.detect;

import dev.warden.watch.flow.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges of the watched network's own devices. Detectors raise alerts about local hosts only: an infected
 * device is one of ours that misbehaves; a remote host appears as a peer. Read from {@code network.yaml} ({@code local:}
 * a list of CIDRs; by default the private, link-local and unique-local ranges).
 */
public final class LocalNetworks {
    private static final List<String> DEFAULT = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "fc00::/7", "fe80::/10");
    private final long[] high;
    private final long[] low;
    /** Each range's masks for the two halves of the address, computed once: {@link #contains} runs per packet. */
    private final long[] maskHigh;
    private final long[] maskLow;
    private final List<String> cidrs;

    private LocalNetworks(List<String> cidrs, String source) {
        this.cidrs = List.copyOf(cidrs);
        high = new long[cidrs.size()];
        low = new long[cidrs.size()];
        maskHigh = new long[cidrs.size()];
        maskLow = new long[cidrs.size()];
        for (int i = 0; i < cidrs.size(); i++) {
            String c = cidrs.get(i);
            int slash = c == null ? -1 : c.indexOf('/');
            try {
                IpAddress a = IpAddress.parse(slash < 0 ? c : c.substring(0, slash));
                int max = a.version() == 4 ? 32 : 128;
                int len = slash < 0 ? max : Integer.parseInt(c.substring(slash + 1));
                if (len < 0 || len > max) {
                    throw new IllegalArgumentException("prefix length " + len);
                }
                int bits = a.version() == 4 ? 96 + len : len;
                maskHigh[i] = mask(bits);
                maskLow[i] = mask(bits - 64);
                high[i] = a.high() & maskHigh[i];
                low[i] = a.low() & maskLow[i];
            } catch (IllegalArgumentException e) {
                throw new RulesException(source + " at local: '" + c + "' is not a CIDR (" + e.getMessage() + ")");
            }
        }
    }

    /** The given ranges ({@code 192.168.0.0/16}, {@code fd00::/8}, or single addresses). */
    public static LocalNetworks of(List<String> cidrs) {
        return new LocalNetworks(cidrs, "local networks");
    }

    /** Reads {@code network.yaml} from {@code rules}. */
    public static LocalNetworks load(RuleSource rules) {
        Spec s = RuleFields.read(rules, "network.yaml", Spec.class);
        List<String> local = s == null || s.local() == null ? DEFAULT : s.local();
        return new LocalNetworks(new ArrayList<>(local), rules.describe("network.yaml"));
    }

    /** The file as written. */
    private record Spec(List<String> local) {
    }

    /** True when the address (as {@link dev.warden.watch.decode.PacketView} holds it) is in one of the ranges. */
    public boolean contains(long addrHigh, long addrLow) {
        for (int i = 0; i < high.length; i++) {
            if ((addrHigh & maskHigh[i]) == high[i] && (addrLow & maskLow[i]) == low[i]) {
                return true;
            }
        }
        return false;
    }

    /** The top {@code n} bits set (n clamped to 0..64). */
    private static long mask(int n) {
        if (n <= 0) {
            return 0;
        }
        return n >= 64 ? -1L : -1L << (64 - n);
    }
}
