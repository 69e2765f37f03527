package dev.warden.lab.proto.upnp;

import static dev.warden.lab.proto.DiscoveryFixtures.HOSTILE_XML;
import static dev.warden.lab.proto.DiscoveryFixtures.body;
import static dev.warden.lab.proto.DiscoveryFixtures.camera;
import static dev.warden.lab.proto.DiscoveryFixtures.exchange;
import static dev.warden.lab.proto.DiscoveryFixtures.router;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.device.SimDevice;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpnpAppTest {
    private static final String WAN_IP = "urn:schemas-upnp-org:service:WANIPConnection:1";
    private final UpnpApp app = new UpnpApp();

    static String soap(String action, String args) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:" + action + " xmlns:u=\""
                + WAN_IP + "\">" + args + "</u:" + action + "></s:Body></s:Envelope>";
    }

    private FullHttpResponse control(SimDevice d, String action, String body) {
        return app.handle(exchange(d, 5000, "upnp", HttpMethod.POST, "/ctl/IPConn", body,
                Map.of("SOAPAction", "\"" + WAN_IP + "#" + action + "\"")));
    }

    private FullHttpResponse control(SimDevice d, String action) {
        return control(d, action, soap(action, ""));
    }

    private FullHttpResponse generic(SimDevice d, String index) {
        return control(d, "GetGenericPortMappingEntry", soap("GetGenericPortMappingEntry",
                index == null ? "" : "<NewPortMappingIndex>" + index + "</NewPortMappingIndex>"));
    }

    private static void assertUpnpError(FullHttpResponse r, int code, String description) {
        assertThat(r.status().code()).isEqualTo(500);
        assertThat(body(r)).contains("<faultstring>UPnPError</faultstring>",
                "<errorCode>" + code + "</errorCode><errorDescription>" + description + "</errorDescription>");
    }

    @Test
    void routerDescribesAnInternetGatewayWithTheWanIpConnectionService() {
        SimDevice d = router(20);
        FullHttpResponse r = app.handle(exchange(d, 5000, "upnp", HttpMethod.GET, "/rootDesc.xml", "", Map.of()));
        assertThat(r.headers().get("Content-Type")).isEqualTo("text/xml; charset=\"utf-8\"");
        assertThat(r.headers().contains("EXT")).isTrue();
        String xml = body(r);
        assertThat(xml).contains("<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>",
                "<friendlyName>TP-Link Archer C7</friendlyName>", "<manufacturer>TP-Link</manufacturer>",
                "<modelName>Archer C7</modelName>", "<serialNumber>" + d.serial() + "</serialNumber>",
                "<UDN>uuid:" + d.uuid() + "</UDN>", "urn:schemas-upnp-org:device:WANDevice:1",
                "urn:schemas-upnp-org:device:WANConnectionDevice:1", "<serviceType>" + WAN_IP + "</serviceType>",
                "<SCPDURL>/WANIPCn.xml</SCPDURL><controlURL>/ctl/IPConn</controlURL><eventSubURL>/evt/IPConn</eventSubURL>",
                "<presentationURL>http://127.77.241.20/</presentationURL>");
        assertThat(xml.indexOf("WANConnectionDevice")).isGreaterThan(xml.indexOf("WANDevice:1"));
        assertThat(body(app.handle(exchange(d, 5000, "upnp", HttpMethod.GET, "/WANIPCn.xml", "", Map.of()))))
                .contains("<name>GetGenericPortMappingEntry</name>", "<name>NewPortMappingIndex</name>");
    }

    @Test
    void cameraIsABasicDeviceAtItsOwnDescriptionPathWithoutAControlPoint() {
        SimDevice d = camera(null, 22);
        assertThat(app.handle(exchange(d, 88, "upnp", HttpMethod.GET, "/rootDesc.xml", "", Map.of()))).isNull();
        String xml = body(app.handle(exchange(d, 88, "upnp", HttpMethod.GET, "/upnp/desc.xml", "", Map.of())));
        assertThat(xml).contains("<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>", "<manufacturer>Opticam</manufacturer>",
                "<UDN>uuid:" + d.uuid() + "</UDN>").doesNotContain("WANIPConnection");
        assertThat(control(d, "GetExternalIPAddress")).isNull();
    }

    @Test
    void portMappingsAreEnumeratedUntil713() {
        SimDevice d = router(24);
        String first = body(generic(d, "0"));
        assertThat(first).contains("<u:GetGenericPortMappingEntryResponse xmlns:u=\"" + WAN_IP + "\">",
                "<NewRemoteHost></NewRemoteHost><NewExternalPort>8081</NewExternalPort><NewProtocol>TCP</NewProtocol>",
                "<NewInternalPort>88</NewInternalPort><NewInternalClient>127.77.241.25</NewInternalClient>",
                "<NewEnabled>1</NewEnabled><NewPortMappingDescription>Opticam i5 HD</NewPortMappingDescription>",
                "<NewLeaseDuration>0</NewLeaseDuration>");
        assertThat(body(generic(d, "1"))).contains("<NewExternalPort>10554</NewExternalPort>", "<NewInternalPort>554</NewInternalPort>");
        assertUpnpError(generic(d, "2"), 713, "SpecifiedArrayIndexInvalid");
        assertUpnpError(generic(d, "999999999"), 713, "SpecifiedArrayIndexInvalid");
    }

    @Test
    void missingOrGarbledIndexIs402() {
        SimDevice d = router(26);
        for (String bad : new String[] {null, "abc", "-1", "", "1e3"}) {
            assertUpnpError(generic(d, bad), 402, "Invalid Args");
        }
    }

    @Test
    void specificEntryIsFoundOr714() {
        SimDevice d = router(28);
        String args = "<NewRemoteHost></NewRemoteHost><NewExternalPort>10554</NewExternalPort><NewProtocol>TCP</NewProtocol>";
        assertThat(body(control(d, "GetSpecificPortMappingEntry", soap("GetSpecificPortMappingEntry", args))))
                .contains("<NewInternalClient>127.77.241.29</NewInternalClient>", "<NewPortMappingDescription>IPCAM RTSP</NewPortMappingDescription>");
        String missing = args.replace("10554", "9999");
        assertUpnpError(control(d, "GetSpecificPortMappingEntry", soap("GetSpecificPortMappingEntry", missing)), 714, "NoSuchEntryInArray");
        String badProto = args.replace("TCP", "ICMP");
        assertUpnpError(control(d, "GetSpecificPortMappingEntry", soap("GetSpecificPortMappingEntry", badProto)), 402, "Invalid Args");
    }

    @Test
    void externalAddressAndStatusAreReported() {
        SimDevice d = router(30);
        assertThat(body(control(d, "GetExternalIPAddress"))).contains("<NewExternalIPAddress>203.0.113.45</NewExternalIPAddress>");
        assertThat(body(control(d, "GetStatusInfo"))).contains("<NewConnectionStatus>Connected</NewConnectionStatus>",
                "<NewLastConnectionError>ERROR_NONE</NewLastConnectionError>", "<NewUptime>");
    }

    @Test
    void stateChangingActionsAreRefusedWith606() {
        SimDevice d = router(32);
        String add = "<NewRemoteHost></NewRemoteHost><NewExternalPort>2323</NewExternalPort><NewProtocol>TCP</NewProtocol>"
                + "<NewInternalPort>23</NewInternalPort><NewInternalClient>127.77.241.33</NewInternalClient><NewEnabled>1</NewEnabled>"
                + "<NewPortMappingDescription>x</NewPortMappingDescription><NewLeaseDuration>0</NewLeaseDuration>";
        assertUpnpError(control(d, "AddPortMapping", soap("AddPortMapping", add)), 606, "Action not authorized");
        assertUpnpError(control(d, "DeletePortMapping", soap("DeletePortMapping", "<NewExternalPort>8081</NewExternalPort>")),
                606, "Action not authorized");
        assertUpnpError(control(d, "ForceTermination"), 606, "Action not authorized");
        assertUpnpError(generic(d, "2"), 713, "SpecifiedArrayIndexInvalid"); // the table is unchanged
    }

    @Test
    void unknownOrMissingActionIs401() {
        SimDevice d = router(34);
        assertUpnpError(control(d, "GetEverything"), 401, "Invalid Action");
        assertUpnpError(app.handle(exchange(d, 5000, "upnp", HttpMethod.POST, "/ctl/IPConn",
                soap("GetExternalIPAddress", ""), Map.of())), 401, "Invalid Action");
        assertUpnpError(app.handle(exchange(d, 5000, "upnp", HttpMethod.POST, "/ctl/IPConn", soap("GetExternalIPAddress", ""),
                Map.of("SOAPAction", "\"urn:schemas-upnp-org:service:WANPPPConnection:1#GetExternalIPAddress\""))), 401, "Invalid Action");
    }

    @Test
    void hostileOrBrokenXmlIsInvalidArgsNeverAnException() {
        SimDevice d = router(36);
        for (String xml : HOSTILE_XML) {
            FullHttpResponse r = control(d, "GetGenericPortMappingEntry", xml);
            assertThat(r.status().code()).as(xml).isEqualTo(500);
            assertThat(body(r)).as(xml).contains("<errorCode>402</errorCode>").doesNotContain("root:");
        }
    }
}
