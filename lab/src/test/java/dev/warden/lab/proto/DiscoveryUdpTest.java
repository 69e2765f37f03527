package dev.warden.lab.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.lab.proto.ssdp.SsdpServer;
import dev.warden.lab.proto.wsd.WsDiscoveryServer;
import dev.warden.lab.proto.xml.SafeXml;
import dev.warden.lab.proto.xml.XmlNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SSDP and WS-Discovery through a running lab, with real datagrams on 127.77.241.0/24. */
class DiscoveryUdpTest {
    private static Lab lab;
    private static SimDevice cam;
    private static SimDevice router;

    @BeforeAll
    static void start() {
        lab = DiscoveryFixtures.startLab(101, null, 102);
        cam = lab.device("cam");
        router = lab.device("router");
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /**
     * Sends one datagram and collects the replies: when {@code expected} replies are in (or none are expected),
     * waits only a little longer for any extra one.
     */
    private static List<String> ask(SimDevice d, int port, String text, int expected) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.77.241.200"), 0))) {
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(out, out.length, d.address(), port));
            List<String> replies = new ArrayList<>();
            long end = System.currentTimeMillis() + (expected == 0 ? 200 : 2000);
            byte[] buf = new byte[65535];
            while (true) {
                int left = (int) (end - System.currentTimeMillis());
                if (left <= 0) {
                    return replies;
                }
                s.setSoTimeout(left);
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(in);
                } catch (SocketTimeoutException e) {
                    return replies;
                }
                replies.add(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8));
                if (replies.size() >= expected) {
                    end = Math.min(end, System.currentTimeMillis() + 100);
                }
            }
        }
    }

    static String msearch(String st) {
        return "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST: " + st + "\r\n\r\n";
    }

    static String header(String reply, String name) {
        for (String line : reply.split("\r\n")) {
            if (line.toUpperCase().startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    @Test
    void ssdpAllGetsOneReplyPerTargetWithLocationAndUsn() throws IOException {
        List<String> replies = ask(router, 1900, msearch("ssdp:all"), 3);
        assertThat(replies).hasSize(3);
        String uuid = "uuid:" + router.uuid();
        assertThat(replies).allSatisfy(r -> {
            assertThat(r).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(header(r, "LOCATION")).isEqualTo("http://127.77.241.102:5000/rootDesc.xml");
            assertThat(header(r, "SERVER")).isEqualTo("Linux/3.3.8 UPnP/1.1 MiniUPnPd/2.1");
            assertThat(header(r, "CACHE-CONTROL")).isEqualTo("max-age=120");
            assertThat(header(r, "EXT")).isEmpty();
            assertThat(header(r, "DATE")).endsWith("GMT");
        });
        assertThat(replies).extracting(r -> header(r, "ST") + " " + header(r, "USN")).containsExactlyInAnyOrder(
                "upnp:rootdevice " + uuid + "::upnp:rootdevice",
                uuid + " " + uuid,
                "urn:schemas-upnp-org:device:InternetGatewayDevice:1 " + uuid + "::urn:schemas-upnp-org:device:InternetGatewayDevice:1");
    }

    @Test
    void ssdpAnswersItsOwnTypeAndRootDeviceButNotOthers() throws IOException {
        List<String> root = ask(cam, 1900, msearch("upnp:rootdevice"), 1);
        assertThat(root).hasSize(1);
        assertThat(header(root.get(0), "LOCATION")).isEqualTo("http://127.77.241.101:88/upnp/desc.xml");
        assertThat(header(root.get(0), "SERVER")).isEqualTo("Linux/2.6 UPnP/1.0 Opticam/1.0");
        assertThat(ask(cam, 1900, msearch("urn:schemas-upnp-org:device:Basic:1"), 1)).hasSize(1);
        assertThat(ask(cam, 1900, msearch("urn:schemas-upnp-org:device:InternetGatewayDevice:1"), 0)).isEmpty();
        assertThat(ask(cam, 1900, msearch("uuid:" + router.uuid()), 0)).isEmpty();
    }

    @Test
    void ssdpIgnoresGarbageAndRequestsWithoutTheDiscoverMan() throws IOException {
        assertThat(ask(router, 1900, "\u0000\u0001garbage\r\n\r\n", 0)).isEmpty();
        assertThat(ask(router, 1900, msearch("ssdp:all").replace("\"ssdp:discover\"", "ssdp:discover"), 0)).isEmpty();
        assertThat(ask(router, 1900, "NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n", 0)).isEmpty();
        assertThat(ask(router, 1900, "M-SEARCH * HTTP/1.1\r\n" + "X: y\r\n".repeat(1000), 0)).isEmpty();
        assertThat(ask(router, 1900, msearch("upnp:rootdevice"), 1)).hasSize(1); // still up
    }

    static String probe(String messageId, String types) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                + "<s:Header><a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>"
                + "<s:Body><d:Probe>" + types + "</d:Probe></s:Body></s:Envelope>";
    }

    @Test
    void probeGetsProbeMatchesRelatedToItsMessageId() throws IOException {
        String id = "uuid:" + UUID.randomUUID();
        List<String> replies = ask(cam, 3702, probe(id, "<d:Types>dn:NetworkVideoTransmitter</d:Types>"), 1);
        assertThat(replies).hasSize(1);
        XmlNode env = SafeXml.parse(replies.get(0));
        assertThat(env.findText("RelatesTo")).isEqualTo(id);
        assertThat(env.findText("MessageID")).startsWith("urn:uuid:").isNotEqualTo(id);
        assertThat(env.findText("Action")).isEqualTo("http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches");
        XmlNode match = env.find("ProbeMatch");
        assertThat(match.find("Address").text()).isEqualTo("urn:uuid:" + cam.uuid());
        assertThat(match.findText("Types")).isEqualTo("dn:NetworkVideoTransmitter tds:Device");
        assertThat(match.findText("Scopes").split(" ")).contains("onvif://www.onvif.org/type/video_encoder",
                "onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/hardware/i5%20HD",
                "onvif://www.onvif.org/name/IPCAM", "onvif://www.onvif.org/location/country/china");
        assertThat(match.findText("XAddrs")).isEqualTo("http://127.77.241.101:888/onvif/device_service");
    }

    @Test
    void emptyProbeAndDeviceTypeProbeMatchButOtherTypesAndRepeatsDoNot() throws IOException {
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), ""), 1)).hasSize(1);
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), "<d:Types>tds:Device</d:Types>"), 1)).hasSize(1);
        String printer = "<d:Types xmlns:p=\"http://schemas.microsoft.com/windows/2006/08/wdp/print\">p:PrintDeviceType</d:Types>";
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), printer), 0)).isEmpty();
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), "<d:Types>zz:Unbound</d:Types>"), 0)).isEmpty();
        String scoped = "<d:Scopes>onvif://www.onvif.org/hardware</d:Scopes>";
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), scoped), 1)).hasSize(1);
        String otherScope = "<d:Scopes>onvif://www.onvif.org/hardware/DS-2CD2032-I</d:Scopes>";
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), otherScope), 0)).isEmpty();
        String id = "uuid:" + UUID.randomUUID();
        assertThat(ask(cam, 3702, probe(id, ""), 1)).hasSize(1);
        assertThat(ask(cam, 3702, probe(id, ""), 0)).as("duplicate MessageID suppressed").isEmpty();
    }

    @Test
    void wsDiscoveryIgnoresGarbageAndHostileXml() throws IOException {
        for (String bad : DiscoveryFixtures.HOSTILE_XML) {
            assertThat(ask(cam, 3702, bad.isEmpty() ? " " : bad, 0)).as(bad).isEmpty();
        }
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), "").replace("/Probe<", "/Resolve<"), 0)).isEmpty();
        assertThat(ask(cam, 3702, probe("uuid:" + UUID.randomUUID(), ""), 1)).hasSize(1); // still up
    }

    @Test
    void selfCheckProbesAreAnsweredEveryTime() throws IOException {
        ServiceSpec wsd = cam.services().stream().filter(x -> x.port() == 3702).findFirst().orElseThrow();
        ServiceSpec ssdp = router.services().stream().filter(x -> x.port() == 1900).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            String probe = new String(new WsDiscoveryServer().selfCheckProbe(cam, wsd), StandardCharsets.UTF_8);
            assertThat(ask(cam, 3702, probe, 1)).hasSize(1);
            String search = new String(new SsdpServer().selfCheckProbe(router, ssdp), StandardCharsets.US_ASCII);
            assertThat(ask(router, 1900, search, 1)).hasSize(1);
        }
    }
}
