package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Response;
import dev.warden.assess.wire.WebRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UPnP IGD: reads the device description, finds the WANIPConnection (or WANPPPConnection) control URL and lists the
 * port mappings with {@code GetGenericPortMappingEntry} from index 0 until fault 713 (array index invalid), at most
 * {@link #MAX_ENTRIES}. Read-only: never adds or deletes a mapping. Each mapping becomes a response of named parts;
 * the engine decides whose finding it is.
 */
final class UpnpExecutor implements Executor {
    static final int MAX_ENTRIES = 256;
    private static final Pattern SERVICE = Pattern.compile("(?s)<service>(.*?)</service>");
    private static final Pattern TYPE = Pattern.compile("<serviceType>\\s*(urn:schemas-upnp-org:service:WAN(?:IP|PPP)Connection:\\d)\\s*</serviceType>");
    private static final Pattern CONTROL = Pattern.compile("<controlURL>\\s*([^<\\s]+)\\s*</controlURL>");
    private static final Pattern FAULT_713 = Pattern.compile("<errorCode>\\s*713\\s*</errorCode>");
    private static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NewExternalPort", "external-port");
        m.put("NewProtocol", "protocol");
        m.put("NewInternalPort", "internal-port");
        m.put("NewInternalClient", "internal-client");
        m.put("NewEnabled", "enabled");
        m.put("NewPortMappingDescription", "description");
        return m;
    }

    @Override
    public Outcome run(Session s, Check check, Credential cred) {
        String descPath = check.steps().get(0).description();
        try {
            Response desc = s.web().send(s.ip(), s.port(), s.tls(), false,
                    new WebRequest("GET", descPath, List.of(), null));
            if (desc.status() != 200) {
                return Outcome.missed(true);
            }
            String serviceType = null;
            String control = null;
            Matcher m = SERVICE.matcher(desc.text("body"));
            while (m.find() && control == null) {
                Matcher t = TYPE.matcher(m.group(1));
                Matcher c = CONTROL.matcher(m.group(1));
                if (t.find() && c.find()) {
                    serviceType = t.group(1);
                    control = c.group(1);
                }
            }
            if (control == null) {
                return Outcome.missed(true);
            }
            URI controlUri = URI.create((s.tls() ? "https://" : "http://") + s.ip() + ":" + s.port() + descPath).resolve(control);
            if (controlUri.getHost() == null || !controlUri.getHost().replace("[", "").replace("]", "").equals(s.ip())) {
                s.note("control URL points to another host, not followed");
                return Outcome.missed(true);
            }
            int port = controlUri.getPort() < 0 ? s.port() : controlUri.getPort();
            String path = controlUri.getRawPath() + (controlUri.getRawQuery() == null ? "" : "?" + controlUri.getRawQuery());
            List<Response> mappings = new ArrayList<>();
            for (int i = 0; i < MAX_ENTRIES; i++) {
                Response r = s.web().send(s.ip(), port, s.tls(), false, entry(path, serviceType, i));
                if (r.status() != 200) {
                    if (!FAULT_713.matcher(r.text("body")).find()) {
                        s.note("GetGenericPortMappingEntry " + i + " answered " + r.status() + " without fault 713; stopped there");
                    }
                    break;
                }
                Map<String, String> parts = new LinkedHashMap<>();
                FIELDS.forEach((xml, part) -> {
                    Matcher v = Pattern.compile("<" + xml + ">([^<]*)</" + xml + ">").matcher(r.text("body"));
                    parts.put(part, v.find() ? v.group(1).trim() : "");
                });
                mappings.add(Response.ofParts(parts));
                if (i == MAX_ENTRIES - 1) {
                    s.note("more than " + MAX_ENTRIES + " port mappings; read the first " + MAX_ENTRIES);
                }
            }
            String req = "POST " + path + " GetGenericPortMappingEntry 0.." + (mappings.size() - 1);
            return new Outcome(false, null, req, Map.of(), true, false, mappings);
        } catch (IOException e) {
            s.note(WebExecutor.describe(e));
            return Outcome.stopped(false);
        }
    }

    private static WebRequest entry(String path, String serviceType, int index) {
        String body = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:GetGenericPortMappingEntry"
                + " xmlns:u=\"" + serviceType + "\"><NewPortMappingIndex>" + index
                + "</NewPortMappingIndex></u:GetGenericPortMappingEntry></s:Body></s:Envelope>";
        return new WebRequest("POST", path, List.of("Content-Type: text/xml; charset=\"utf-8\"",
                "SOAPAction: \"" + serviceType + "#GetGenericPortMappingEntry\""), body.getBytes(StandardCharsets.UTF_8));
    }
}
