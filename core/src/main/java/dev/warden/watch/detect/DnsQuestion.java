package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import java.util.Locale;
import java.util.Set;

/**
 * The first question name of a DNS query in a UDP payload, and the registered domain it belongs to. Hand-written
 * because only the question is needed and it must be read from the reused {@link PacketView} with every length
 * checked: a hostile payload gives null, never an exception or a read past the payload.
 */
final class DnsQuestion {
    private static final int HEADER = 12;
    private static final int MAX_NAME = 253;
    /**
     * Second-level labels under which names are registered one level deeper ({@code example.co.uk}). A heuristic in
     * place of the Public Suffix List: these cover the country-code suffixes seen in practice.
     */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "or", "ne",
            "go", "gob", "mil", "nic");

    private DnsQuestion() {
    }

    /** The lower-cased question name of a standard query (QR = 0, one question or more), or null. */
    static String name(PacketView p) {
        if (p.payloadLength() < HEADER + 1 || (p.payloadByte(2) & 0x80) != 0
                || (p.payloadByte(4) << 8 | p.payloadByte(5)) == 0) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int i = HEADER;
        while (true) {
            int len = p.payloadByte(i);
            if (len < 0 || len > 63) {
                return null; // truncated, or a compression pointer, which a question name never needs
            }
            if (len == 0) {
                break;
            }
            if (name.length() + len + 1 > MAX_NAME + 1 || i + len >= p.payloadLength()) {
                return null;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            for (int k = 1; k <= len; k++) {
                int c = p.payloadByte(i + k);
                if (c <= 0x20 || c >= 0x7F || c == '.') {
                    return null;
                }
                name.append((char) c);
            }
            i += len + 1;
        }
        return name.isEmpty() ? null : name.toString().toLowerCase(Locale.ROOT);
    }

    /** The registered domain of {@code name}: its last two labels, or three under a {@link #SECOND_LEVEL} label. */
    static String registeredDomain(String name) {
        int last = name.lastIndexOf('.');
        if (last < 0) {
            return name;
        }
        int second = name.lastIndexOf('.', last - 1);
        if (second < 0) {
            return name;
        }
        String sld = name.substring(second + 1, last);
        if (name.length() - last - 1 == 2 && SECOND_LEVEL.contains(sld)) {
            int third = name.lastIndexOf('.', second - 1);
            return third < 0 ? name : name.substring(third + 1);
        }
        return name.substring(second + 1);
    }

    /** Shannon entropy in bits per character of {@code s} (0 for an empty string). */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        for (int i = 0; i < s.length(); i++) {
            counts[s.charAt(i) & 0x7F]++;
        }
        double bits = 0;
        for (int c : counts) {
            if (c > 0) {
                double q = (double) c / s.length();
                bits -= q * Math.log(q) / Math.log(2);
            }
        }
        return bits;
    }
}
