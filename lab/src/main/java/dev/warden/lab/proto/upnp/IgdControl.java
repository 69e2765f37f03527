package dev.warden.lab.proto.upnp;

import static dev.warden.lab.proto.upnp.UpnpSoap.arg;

import dev.warden.lab.device.DeviceVars;
import dev.warden.lab.device.PortMapping;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.xml.SafeXml;
import dev.warden.lab.proto.xml.XmlException;
import dev.warden.lab.proto.xml.XmlNode;
import io.netty.handler.codec.http.FullHttpResponse;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

/**
 * The WANIPConnection:1 control point of a simulated router, answering like miniupnpd: the external address
 * (device var {@code wan-ip}, a documentation address that is only ever data), the connection status and the port
 * mapping table, walked by index until 713 SpecifiedArrayIndexInvalid. Nothing can be changed: every
 * state-changing action is refused with 606 Action not authorized.
 */
final class IgdControl {
    private static final Set<String> REFUSED = Set.of("AddPortMapping", "AddAnyPortMapping", "DeletePortMapping",
            "DeletePortMappingRange", "SetConnectionType", "RequestConnection", "RequestTermination", "ForceTermination",
            "SetAutoDisconnectTime", "SetIdleDisconnectTime", "SetWarnDisconnectDelay");

    private IgdControl() {
    }

    /** Answers one control request; {@code soapAction} is the SOAPAction header, possibly null. */
    static FullHttpResponse handle(SimDevice d, String soapAction, String body) {
        String action = actionOf(soapAction);
        if (action == null) {
            return UpnpSoap.error(401, "Invalid Action");
        }
        if (REFUSED.contains(action)) {
            return UpnpSoap.error(606, "Action not authorized");
        }
        XmlNode call;
        try {
            XmlNode envelope = SafeXml.parse(body);
            call = envelope.find(action);
        } catch (XmlException e) {
            return UpnpSoap.error(402, "Invalid Args");
        }
        if (call == null) {
            return UpnpSoap.error(402, "Invalid Args");
        }
        return switch (action) {
            case "GetExternalIPAddress" -> ok(action, arg("NewExternalIPAddress", wanIp(d)));
            case "GetStatusInfo" -> ok(action, arg("NewConnectionStatus", "Connected")
                    + arg("NewLastConnectionError", "ERROR_NONE")
                    + arg("NewUptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000));
            case "GetConnectionTypeInfo" -> ok(action, arg("NewConnectionType", "IP_Routed")
                    + arg("NewPossibleConnectionTypes", "IP_Routed"));
            case "GetNATRSIPStatus" -> ok(action, arg("NewRSIPAvailable", 0) + arg("NewNATEnabled", 1));
            case "GetGenericPortMappingEntry" -> generic(d.portMappings(), call);
            case "GetSpecificPortMappingEntry" -> specific(d.portMappings(), call);
            default -> UpnpSoap.error(401, "Invalid Action");
        };
    }

    /** The action name of a {@code "urn:...:WANIPConnection:1#Action"} header, or null for another service. */
    private static String actionOf(String soapAction) {
        if (soapAction == null) {
            return null;
        }
        String s = soapAction.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        int hash = s.indexOf('#');
        if (hash < 0 || !s.substring(0, hash).equals(Description.WAN_IP)) {
            return null;
        }
        String action = s.substring(hash + 1);
        return action.matches("[A-Za-z]{1,64}") ? action : null;
    }

    /** The WAN address: var {@code wan-ip}, else one in TEST-NET-3 (203.0.113.0/24) derived from the LAN address. */
    static String wanIp(SimDevice d) {
        int last = d.address().getAddress()[3] & 0xFF;
        return DeviceVars.get(d, "wan-ip", "203.0.113." + (1 + last % 254));
    }

    private static FullHttpResponse generic(List<PortMapping> table, XmlNode call) {
        XmlNode idx = call.child("NewPortMappingIndex");
        if (idx == null || !idx.text().matches("\\d{1,9}")) {
            return UpnpSoap.error(402, "Invalid Args");
        }
        int i = Integer.parseInt(idx.text());
        if (i >= table.size()) {
            return UpnpSoap.error(713, "SpecifiedArrayIndexInvalid");
        }
        PortMapping m = table.get(i);
        return ok("GetGenericPortMappingEntry", arg("NewRemoteHost", "") + arg("NewExternalPort", m.externalPort())
                + arg("NewProtocol", m.protocol()) + details(m));
    }

    private static FullHttpResponse specific(List<PortMapping> table, XmlNode call) {
        XmlNode port = call.child("NewExternalPort");
        XmlNode proto = call.child("NewProtocol");
        if (port == null || proto == null || !port.text().matches("\\d{1,5}")
                || !(proto.text().equals("TCP") || proto.text().equals("UDP"))) {
            return UpnpSoap.error(402, "Invalid Args");
        }
        int external = Integer.parseInt(port.text());
        for (PortMapping m : table) {
            if (m.externalPort() == external && m.protocol().equals(proto.text())) {
                return ok("GetSpecificPortMappingEntry", details(m));
            }
        }
        return UpnpSoap.error(714, "NoSuchEntryInArray");
    }

    private static String details(PortMapping m) {
        return arg("NewInternalPort", m.internalPort()) + arg("NewInternalClient", m.internalClient())
                + arg("NewEnabled", 1) + arg("NewPortMappingDescription", m.description())
                + arg("NewLeaseDuration", m.leaseSeconds());
    }

    private static FullHttpResponse ok(String action, String args) {
        return UpnpSoap.ok(Description.WAN_IP, action, args);
    }
}
