package dev.warden.lab.proto.upnp;

import dev.warden.lab.device.DeviceVars;
import static dev.warden.lab.proto.xml.Xml.escape;

import dev.warden.lab.device.SimDevice;
import dev.warden.model.DeviceKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The UPnP device description a device serves at its LOCATION: an InternetGatewayDevice:1 with the nested
 * WANDevice → WANConnectionDevice → WANIPConnection:1 service for routers (miniupnpd's layout and URLs), a
 * Basic:1 device for cameras and recorders. Identity comes from the device; the profile may set the vars
 * {@code upnp-friendly-name} (default "vendor model") and {@code upnp-presentation-url} (default {@code http://ip/}).
 */
public final class Description {
    /** The root device type of a router. */
    public static final String IGD = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
    /** The root device type of everything else (cameras advertise themselves as basic devices). */
    public static final String BASIC = "urn:schemas-upnp-org:device:Basic:1";
    static final String WAN_IP = "urn:schemas-upnp-org:service:WANIPConnection:1";
    static final String CONTROL_PATH = "/ctl/IPConn";
    static final String SCPD_PATH = "/WANIPCn.xml";

    private Description() {
    }

    /** The root device type a device announces in SSDP and describes here. */
    public static String deviceType(SimDevice d) {
        return isGateway(d) ? IGD : BASIC;
    }

    static boolean isGateway(SimDevice d) {
        return d.profile().kind() == DeviceKind.ROUTER;
    }

    /** The whole description document. */
    static String of(SimDevice d) {
        String friendly = DeviceVars.get(d, "upnp-friendly-name", d.profile().vendor() + " " + d.profile().model());
        String presentation = DeviceVars.get(d, "upnp-presentation-url", "http://" + d.ip() + "/");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\r\n<root xmlns=\"urn:schemas-upnp-org:device-1-0\">")
                .append("<specVersion><major>1</major><minor>0</minor></specVersion><device>");
        identity(sb, d, deviceType(d), friendly, d.uuid());
        if (isGateway(d)) {
            sb.append("<deviceList><device>");
            identity(sb, d, "urn:schemas-upnp-org:device:WANDevice:1", "WANDevice", subUuid(d, "WANDevice"));
            sb.append("<deviceList><device>");
            identity(sb, d, "urn:schemas-upnp-org:device:WANConnectionDevice:1", "WANConnectionDevice",
                    subUuid(d, "WANConnectionDevice"));
            sb.append("<serviceList><service><serviceType>").append(WAN_IP).append("</serviceType>")
                    .append("<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>")
                    .append("<SCPDURL>").append(SCPD_PATH).append("</SCPDURL><controlURL>").append(CONTROL_PATH)
                    .append("</controlURL><eventSubURL>/evt/IPConn</eventSubURL></service></serviceList>")
                    .append("</device></deviceList></device></deviceList>");
        }
        return sb.append("<presentationURL>").append(escape(presentation)).append("</presentationURL></device></root>\r\n")
                .toString();
    }

    private static void identity(StringBuilder sb, SimDevice d, String type, String friendly, String uuid) {
        sb.append("<deviceType>").append(type).append("</deviceType>")
                .append("<friendlyName>").append(escape(friendly)).append("</friendlyName>")
                .append("<manufacturer>").append(escape(d.profile().vendor())).append("</manufacturer>")
                .append("<modelDescription>").append(escape(d.profile().model())).append("</modelDescription>")
                .append("<modelName>").append(escape(d.profile().model())).append("</modelName>")
                .append("<modelNumber>").append(escape(d.firmware().version())).append("</modelNumber>")
                .append("<serialNumber>").append(escape(d.serial())).append("</serialNumber>")
                .append("<UDN>uuid:").append(uuid).append("</UDN>");
    }

    /** Embedded devices need UDNs of their own; derived from the root's so they are stable across runs. */
    static String subUuid(SimDevice d, String what) {
        return UUID.nameUUIDFromBytes((d.uuid() + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
