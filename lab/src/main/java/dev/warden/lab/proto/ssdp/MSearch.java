package dev.warden.lab.proto.ssdp;

import java.util.Locale;

/**
 * Reads an SSDP search request: {@code M-SEARCH * HTTP/1.1} with {@code MAN: "ssdp:discover"} and a search target.
 * MX is not read: a unicast search is answered at once.
 */
final class MSearch {
    private MSearch() {
    }

    /**
     * The ST of the search in a datagram ({@code ssdp:all}, {@code upnp:rootdevice}, {@code uuid:...}, a type), or
     * null when the datagram is anything else (a NOTIFY, an HTTP request, garbage).
     */
    static String searchTarget(String datagram) {
        String[] lines = datagram.split("\r?\n");
        if (lines.length < 2 || !lines[0].trim().equals("M-SEARCH * HTTP/1.1")) {
            return null;
        }
        String man = null;
        String st = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String name = lines[i].substring(0, colon).trim().toUpperCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "MAN" -> man = value;
                case "ST" -> st = value;
                default -> {
                    // HOST, MX, USER-AGENT... do not change the answer
                }
            }
        }
        if (!"\"ssdp:discover\"".equals(man) || st == null || st.isEmpty()) {
            return null;
        }
        return st;
    }
}
