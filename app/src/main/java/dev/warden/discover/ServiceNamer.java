package dev.warden.discover;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Names a host's services from its evidence alone (so stored evidence can be re-read): each open TCP port by the
 * protocol that answered on it, each answering UDP port as ssdp or ws-discovery, with the product and version the
 * service announces (a Server header, an SSH identification). Nothing is guessed: no announcement, no product.
 */
public final class ServiceNamer {
    private ServiceNamer() {
    }

    public static List<Service> services(HostEvidence e) {
        List<Service> out = new ArrayList<>();
        for (int port : e.tcpPorts()) {
            List<Observation> on = e.observations().stream().filter(o -> o.port() == port).toList();
            out.add(tcp(port, on));
        }
        for (int port : e.udpPorts()) {
            if (port == 1900) {
                String[] pv = e.first(EvidenceKeys.SSDP_SERVER).map(ServiceNamer::productVersion).orElse(new String[2]);
                out.add(new Service(port, Transport.UDP, "ssdp", pv[0], pv[1]));
            } else if (port == 3702) {
                out.add(new Service(port, Transport.UDP, "ws-discovery", null, null));
            } else {
                out.add(new Service(port, Transport.UDP, "unknown", null, null));
            }
        }
        return out;
    }

    private static Service tcp(int port, List<Observation> on) {
        String server = value(on, EvidenceKeys.HTTP_SERVER);
        String[] http = server == null ? new String[2] : productVersion(server);
        boolean hasTitle = value(on, EvidenceKeys.HTTP_TITLE) != null;
        if (any(on, k -> k.startsWith("tls."))) {
            return new Service(port, Transport.TCP, "https", http[0], http[1]);
        }
        if (any(on, k -> k.startsWith("upnp.")) && !hasTitle) {
            return new Service(port, Transport.TCP, "upnp", http[0], http[1]);
        }
        if (any(on, k -> k.startsWith("onvif.")) && server == null && !hasTitle) {
            return new Service(port, Transport.TCP, "onvif", null, null);
        }
        if (any(on, k -> k.startsWith("http."))) {
            return new Service(port, Transport.TCP, "http", http[0], http[1]);
        }
        if (any(on, k -> k.startsWith("rtsp."))) {
            String rtsp = value(on, EvidenceKeys.RTSP_SERVER);
            String[] pv = rtsp == null ? new String[2] : productVersion(rtsp);
            return new Service(port, Transport.TCP, "rtsp", pv[0], pv[1]);
        }
        String ssh = value(on, EvidenceKeys.SSH_BANNER);
        if (ssh != null) {
            String[] pv = sshProductVersion(ssh);
            return new Service(port, Transport.TCP, "ssh", pv[0], pv[1]);
        }
        if (value(on, EvidenceKeys.TELNET_BANNER) != null) {
            return new Service(port, Transport.TCP, "telnet", null, null);
        }
        if (value(on, EvidenceKeys.FTP_BANNER) != null) {
            return new Service(port, Transport.TCP, "ftp", null, null);
        }
        return new Service(port, Transport.TCP, "unknown", null, null);
    }

    /**
     * Product and version from a Server-style string: {@code uc-httpd 1.0.0}, {@code Boa/0.94.14rc21},
     * {@code App-webs/} (no version), UPnP stacks' {@code OS/ver UPnP/1.1 product/ver} (the product after UPnP).
     */
    static String[] productVersion(String server) {
        String[] tokens = server.strip().split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i].startsWith("UPnP/")) {
                return slash(tokens[i + 1]);
            }
        }
        if (tokens.length == 2 && tokens[1].matches("[vV]?\\d[\\w.\\-]*")) {
            return new String[] {tokens[0], tokens[1]};
        }
        if (tokens[0].contains("/")) {
            return slash(tokens[0]);
        }
        return new String[] {server.strip(), null};
    }

    /** {@code SSH-2.0-OpenSSH_9.2p1 Debian-2} → OpenSSH, 9.2p1; {@code SSH-2.0-dropbear_2019.78} → dropbear, 2019.78. */
    static String[] sshProductVersion(String banner) {
        String[] parts = banner.strip().split("\\s+", 2)[0].split("-", 3);
        if (parts.length < 3 || parts[2].isEmpty()) {
            return new String[2];
        }
        int us = parts[2].indexOf('_');
        return us <= 0 ? new String[] {parts[2], null}
                : new String[] {parts[2].substring(0, us), emptyToNull(parts[2].substring(us + 1))};
    }

    private static String[] slash(String token) {
        int slash = token.indexOf('/');
        return slash <= 0 ? new String[] {token, null}
                : new String[] {token.substring(0, slash), emptyToNull(token.substring(slash + 1))};
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String value(List<Observation> on, String key) {
        return on.stream().filter(o -> o.key().equals(key)).map(Observation::value).findFirst().orElse(null);
    }

    private static boolean any(List<Observation> on, Predicate<String> key) {
        return on.stream().anyMatch(o -> key.test(o.key()));
    }
}
