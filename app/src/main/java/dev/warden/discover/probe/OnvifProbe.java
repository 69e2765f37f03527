package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * ONVIF {@code GetDeviceInformation} without credentials, posted to the WS-Discovery XAddr when the device
 * advertised one on itself, else to {@code /onvif/device_service} on its HTTP ports until one answers SOAP.
 * An answer gives {@code onvif.manufacturer/model/firmware/serial/hardware}; a refusal gives
 * {@code onvif.auth-required=true}. Read-only: nothing but this one query is sent.
 */
public final class OnvifProbe {
    static final String DEVICE_SERVICE = "/onvif/device_service";
    private static final int LIMIT = 32 * 1024;
    private static final byte[] REQUEST = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
            + "<s:Body><tds:GetDeviceInformation/></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    private static final String HEADERS = "Content-Type: application/soap+xml; charset=utf-8;"
            + " action=\"http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation\"\r\n";
    private static final Map<String, String> FIELDS = Map.of(
            "Manufacturer", EvidenceKeys.ONVIF_MANUFACTURER,
            "Model", EvidenceKeys.ONVIF_MODEL,
            "FirmwareVersion", EvidenceKeys.ONVIF_FIRMWARE,
            "SerialNumber", EvidenceKeys.ONVIF_SERIAL,
            "HardwareId", EvidenceKeys.ONVIF_HARDWARE);
    private static final List<String> ORDER = List.of("Manufacturer", "Model", "FirmwareVersion", "SerialNumber", "HardwareId");

    private final ProbeSettings settings;

    public OnvifProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    /**
     * Asks the device; {@code xaddrs} are the advertised device-service URLs, {@code httpPorts} the open plain HTTP
     * ports to try when none of them is on this host.
     */
    public void probe(InetAddress ip, List<String> xaddrs, List<Integer> httpPorts, Recorder r) {
        List<Http.Target> candidates = new ArrayList<>();
        for (String x : xaddrs) {
            Http.Target t = Http.Target.onHost(x, ip);
            if (t != null) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            httpPorts.forEach(p -> candidates.add(new Http.Target(false, p, DEVICE_SERVICE)));
        }
        for (Http.Target t : candidates) {
            if (ask(ip, t, r)) {
                return;
            }
        }
    }

    /** True when the port answered as an ONVIF device service (with data or a refusal). */
    private boolean ask(InetAddress ip, Http.Target t, Recorder r) {
        Reply reply;
        try {
            reply = Http.exchange(settings, ip, t.port(), t.tls(), c -> {
                Http.send(c, ip, t.port(), "POST", t.path(), HEADERS, REQUEST);
                return Reply.read(c, "HTTP", LIMIT, true);
            });
        } catch (IOException e) {
            r.note("onvif " + t.port() + ": " + Notes.why(e));
            return false;
        }
        String body = reply.bodyText();
        if (reply.status() == 401 || reply.status() == 403 || body.contains("NotAuthorized")) {
            r.add(EvidenceKeys.ONVIF_AUTH_REQUIRED, t.port(), "true");
            return true;
        }
        if (reply.status() != 200 || !body.contains("GetDeviceInformationResponse")) {
            return false;
        }
        try {
            Map<String, String> info = SafeXml.firstTexts(reply.body(), Set.copyOf(ORDER));
            for (String f : ORDER) {
                r.add(FIELDS.get(f), t.port(), info.get(f));
            }
        } catch (XMLStreamException e) {
            r.note("onvif " + t.port() + ": unreadable GetDeviceInformation answer (" + e.getMessage() + ")");
        }
        return true;
    }
}
