package dev.warden.discover;

import java.util.Locale;

/**
 * How discovery talks to an open TCP port, chosen by port number in {@code content/discover/probes.yaml}.
 * {@code AUTO} is for ports where vendors put either a web server or a binary protocol: wait for a banner, and if the
 * port stays silent try HTTP.
 */
public enum PortProtocol {
    FTP, SSH, TELNET, HTTP, HTTPS, RTSP, BANNER, AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The protocol for a wire name, or null when there is none. */
    static PortProtocol fromWire(String s) {
        for (PortProtocol p : values()) {
            if (p.wireName().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
