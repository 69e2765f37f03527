package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;

/**
 * The two discovery protocols cameras and routers answer on UDP, sent unicast to one host (never multicast, so a
 * scan never reaches hosts outside its targets): an SSDP {@code M-SEARCH} for {@code ssdp:all} to 1900 and an
 * untyped WS-Discovery {@code Probe} to 3702. Answers are read into a bounded buffer until a short quiet period.
 */
public final class UdpProbe {
    /** SSDP port. */
    public static final int SSDP = 1900;
    /** WS-Discovery port. */
    public static final int WSD = 3702;
    private static final int DATAGRAM = 16 * 1024;
    private static final int MAX_ANSWERS = 8;
    private static final int QUIET_MILLIS = 150;
    private static final Set<String> MATCH_FIELDS = Set.of("XAddrs", "Scopes", "Types");

    private final ProbeSettings settings;

    public UdpProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Returns true when the host answered the search. */
    public boolean ssdp(InetAddress ip, Recorder r) {
        String search = "M-SEARCH * HTTP/1.1\r\nHOST: " + ip.getHostAddress() + ":" + SSDP
                + "\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\nUSER-AGENT: Warden-discovery\r\n\r\n";
        List<byte[]> answers = exchange(ip, SSDP, search.getBytes(StandardCharsets.US_ASCII), r, "ssdp");
        for (byte[] a : answers) {
            for (String line : Text.latin1(a).split("\r?\n")) {
                int colon = line.indexOf(':');
                String name = colon > 0 ? line.substring(0, colon).strip().toUpperCase(Locale.ROOT) : "";
                String value = colon > 0 ? line.substring(colon + 1).strip() : "";
                if (name.equals("SERVER") && !r.has(EvidenceKeys.SSDP_SERVER)) {
                    r.add(EvidenceKeys.SSDP_SERVER, SSDP, value);
                } else if (name.equals("LOCATION") && !r.has(EvidenceKeys.SSDP_LOCATION)) {
                    r.add(EvidenceKeys.SSDP_LOCATION, SSDP, value);
                }
            }
        }
        return !answers.isEmpty();
    }

    /** Returns true when the host answered the probe. */
    public boolean wsDiscovery(InetAddress ip, Recorder r) {
        String probe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">"
                + "<s:Header><a:MessageID>uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>"
                + "<s:Body><d:Probe/></s:Body></s:Envelope>";
        List<byte[]> answers = exchange(ip, WSD, probe.getBytes(StandardCharsets.UTF_8), r, "ws-discovery");
        boolean matched = false;
        for (byte[] a : answers) {
            try {
                Map<String, String> fields = SafeXml.firstTexts(a, MATCH_FIELDS);
                if (fields.isEmpty()) {
                    continue;
                }
                matched = true;
                for (String xaddr : fields.getOrDefault("XAddrs", "").split("\\s+")) {
                    r.add(EvidenceKeys.WSD_XADDR, WSD, xaddr);
                }
                r.add(EvidenceKeys.WSD_SCOPES, WSD, fields.get("Scopes"));
                r.add(EvidenceKeys.WSD_TYPES, WSD, fields.get("Types"));
                break;
            } catch (XMLStreamException e) {
                r.note("ws-discovery: unreadable answer (" + e.getMessage() + ")");
            }
        }
        return matched;
    }

    private List<byte[]> exchange(InetAddress ip, int port, byte[] request, Recorder r, String what) {
        List<byte[]> answers = new ArrayList<>();
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(ip, port);
            s.send(new DatagramPacket(request, request.length));
            long deadline = System.nanoTime() + settings.udpMillis() * 1_000_000L;
            byte[] buf = new byte[DATAGRAM];
            while (answers.size() < MAX_ANSWERS) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                s.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                answers.add(Arrays.copyOf(p.getData(), p.getLength()));
                deadline = Math.min(deadline, System.nanoTime() + QUIET_MILLIS * 1_000_000L);
            }
        } catch (SocketTimeoutException | PortUnreachableException e) {
            // no (more) answers: the normal end of a UDP exchange
        } catch (IOException e) {
            r.note(what + ": " + Notes.why(e));
        }
        return answers;
    }
}
