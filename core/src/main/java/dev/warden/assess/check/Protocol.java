package dev.warden.assess.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The protocols a check's steps speak, each with the service names it runs against by default and the response
 * parts its matchers and extractors may name.
 */
public enum Protocol {
    HTTP(List.of("http", "https"), Set.of("status", "header", "body", "all")),
    RTSP(List.of("rtsp"), Set.of("status", "header", "body", "all")),
    ONVIF(List.of("onvif", "http"), Set.of("status", "header", "body", "all")),
    TCP(List.of(), Set.of("body", "banner", "all")),
    TELNET(List.of("telnet"), Set.of("status", "banner", "body", "all")),
    FTP(List.of("ftp"), Set.of("status", "banner", "body", "all")),
    UPNP(List.of("upnp", "http"), Set.of("external-port", "internal-port", "internal-client", "protocol",
            "description", "enabled"));

    private final List<String> serviceNames;
    private final Set<String> parts;

    Protocol(List<String> serviceNames, Set<String> parts) {
        this.serviceNames = serviceNames;
        this.parts = parts;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Service names the protocol runs against when a check names none; empty means any service. */
    public List<String> serviceNames() {
        return serviceNames;
    }

    /** Response parts matchers and extractors may name. */
    public Set<String> parts() {
        return parts;
    }

    /** Whether logins over this protocol share one budget per host rather than one per port (telnet, FTP). */
    public boolean budgetPerProtocol() {
        return this == TELNET || this == FTP;
    }

    static Protocol fromWire(String s) {
        for (Protocol p : values()) {
            if (p.wireName().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
