package dev.warden.lab.proto.upnp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service description (SCPD) of WANIPConnection:1 at {@code /WANIPCn.xml}, listing the actions a miniupnpd
 * router declares, state-changing ones included: a router advertises them even though this lab refuses them.
 */
final class WanIpScpd {
    /** Action → arguments as {@code name:in|out:StateVariable}, space separated. */
    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();
    /** State variable → data type (and allowed values after a '|'); "!" first marks an evented one. */
    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        ACTIONS.put("SetConnectionType", "NewConnectionType:in:ConnectionType");
        ACTIONS.put("GetConnectionTypeInfo", "NewConnectionType:out:ConnectionType "
                + "NewPossibleConnectionTypes:out:PossibleConnectionTypes");
        ACTIONS.put("RequestConnection", "");
        ACTIONS.put("ForceTermination", "");
        ACTIONS.put("GetStatusInfo", "NewConnectionStatus:out:ConnectionStatus "
                + "NewLastConnectionError:out:LastConnectionError NewUptime:out:Uptime");
        ACTIONS.put("GetNATRSIPStatus", "NewRSIPAvailable:out:RSIPAvailable NewNATEnabled:out:NATEnabled");
        ACTIONS.put("GetGenericPortMappingEntry", "NewPortMappingIndex:in:PortMappingNumberOfEntries "
                + "NewRemoteHost:out:RemoteHost NewExternalPort:out:ExternalPort NewProtocol:out:PortMappingProtocol "
                + "NewInternalPort:out:InternalPort NewInternalClient:out:InternalClient NewEnabled:out:PortMappingEnabled "
                + "NewPortMappingDescription:out:PortMappingDescription NewLeaseDuration:out:PortMappingLeaseDuration");
        ACTIONS.put("GetSpecificPortMappingEntry", "NewRemoteHost:in:RemoteHost NewExternalPort:in:ExternalPort "
                + "NewProtocol:in:PortMappingProtocol NewInternalPort:out:InternalPort NewInternalClient:out:InternalClient "
                + "NewEnabled:out:PortMappingEnabled NewPortMappingDescription:out:PortMappingDescription "
                + "NewLeaseDuration:out:PortMappingLeaseDuration");
        ACTIONS.put("AddPortMapping", "NewRemoteHost:in:RemoteHost NewExternalPort:in:ExternalPort "
                + "NewProtocol:in:PortMappingProtocol NewInternalPort:in:InternalPort NewInternalClient:in:InternalClient "
                + "NewEnabled:in:PortMappingEnabled NewPortMappingDescription:in:PortMappingDescription "
                + "NewLeaseDuration:in:PortMappingLeaseDuration");
        ACTIONS.put("DeletePortMapping", "NewRemoteHost:in:RemoteHost NewExternalPort:in:ExternalPort "
                + "NewProtocol:in:PortMappingProtocol");
        ACTIONS.put("GetExternalIPAddress", "NewExternalIPAddress:out:ExternalIPAddress");
        VARIABLES.put("ConnectionType", "string");
        VARIABLES.put("PossibleConnectionTypes", "!string|Unconfigured IP_Routed IP_Bridged");
        VARIABLES.put("ConnectionStatus", "!string|Unconfigured Connecting Connected PendingDisconnect Disconnecting Disconnected");
        VARIABLES.put("Uptime", "ui4");
        VARIABLES.put("LastConnectionError", "string|ERROR_NONE");
        VARIABLES.put("RSIPAvailable", "boolean");
        VARIABLES.put("NATEnabled", "boolean");
        VARIABLES.put("ExternalIPAddress", "!string");
        VARIABLES.put("PortMappingNumberOfEntries", "!ui2");
        VARIABLES.put("PortMappingEnabled", "boolean");
        VARIABLES.put("PortMappingLeaseDuration", "ui4");
        VARIABLES.put("RemoteHost", "string");
        VARIABLES.put("ExternalPort", "ui2");
        VARIABLES.put("InternalPort", "ui2");
        VARIABLES.put("PortMappingProtocol", "string|TCP UDP");
        VARIABLES.put("InternalClient", "string");
        VARIABLES.put("PortMappingDescription", "string");
    }

    static final String XML = build();

    private WanIpScpd() {
    }

    private static String build() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\r\n<scpd xmlns=\"urn:schemas-upnp-org:service-1-0\">")
                .append("<specVersion><major>1</major><minor>0</minor></specVersion><actionList>");
        ACTIONS.forEach((name, args) -> {
            sb.append("<action><name>").append(name).append("</name>");
            if (!args.isEmpty()) {
                sb.append("<argumentList>");
                for (String a : args.split(" ")) {
                    String[] p = a.split(":");
                    sb.append("<argument><name>").append(p[0]).append("</name><direction>").append(p[1])
                            .append("</direction><relatedStateVariable>").append(p[2]).append("</relatedStateVariable></argument>");
                }
                sb.append("</argumentList>");
            }
            sb.append("</action>");
        });
        sb.append("</actionList><serviceStateTable>");
        VARIABLES.forEach((name, spec) -> {
            boolean evented = spec.startsWith("!");
            String[] p = (evented ? spec.substring(1) : spec).split("\\|");
            sb.append("<stateVariable sendEvents=\"").append(evented ? "yes" : "no").append("\"><name>").append(name)
                    .append("</name><dataType>").append(p[0]).append("</dataType>");
            if (p.length > 1) {
                sb.append("<allowedValueList>");
                for (String v : p[1].split(" ")) {
                    sb.append("<allowedValue>").append(v).append("</allowedValue>");
                }
                sb.append("</allowedValueList>");
            }
            sb.append("</stateVariable>");
        });
        return sb.append("</serviceStateTable></scpd>\r\n").toString();
    }
}
