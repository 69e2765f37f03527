package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The UPnP device description behind an SSDP LOCATION, fetched only when the LOCATION points at the host being
 * scanned (a device could name any address). The root device's type, names, model and serial become {@code upnp.*}.
 */
public final class UpnpProbe {
    private static final int LIMIT = 64 * 1024;
    private static final List<String> ORDER = List.of("deviceType", "friendlyName", "manufacturer", "modelName",
            "modelNumber", "serialNumber");
    private static final Map<String, String> KEYS = Map.of(
            "deviceType", EvidenceKeys.UPNP_DEVICE_TYPE,
            "friendlyName", EvidenceKeys.UPNP_FRIENDLY_NAME,
            "manufacturer", EvidenceKeys.UPNP_MANUFACTURER,
            "modelName", EvidenceKeys.UPNP_MODEL_NAME,
            "modelNumber", EvidenceKeys.UPNP_MODEL_NUMBER,
            "serialNumber", EvidenceKeys.UPNP_SERIAL);

    private final ProbeSettings settings;

    public UpnpProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    public void probe(InetAddress ip, String location, Recorder r) {
        Http.Target t = Http.Target.onHost(location, ip);
        if (t == null) {
            r.note("upnp: LOCATION " + location + " is not on this host, not fetched");
            return;
        }
        try {
            Reply desc = Http.get(settings, ip, t.port(), t.tls(), t.path(), LIMIT);
            if (desc.status() != 200) {
                r.note("upnp " + t.port() + ": description answered " + desc.status());
                return;
            }
            Map<String, String> fields = SafeXml.firstTexts(desc.body(), Set.copyOf(ORDER));
            for (String f : ORDER) {
                r.add(KEYS.get(f), t.port(), fields.get(f));
            }
        } catch (IOException e) {
            r.note("upnp " + t.port() + ": " + Notes.why(e));
        } catch (XMLStreamException e) {
            r.note("upnp " + t.port() + ": unreadable description (" + e.getMessage() + ")");
        }
    }
}
