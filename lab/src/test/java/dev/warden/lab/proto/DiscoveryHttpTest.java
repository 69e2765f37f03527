package dev.warden.lab.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.xml.SafeXml;
import dev.warden.lab.proto.xml.XmlNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ONVIF and UPnP end to end: the lab's HTTP server serving the apps, asked over real HTTP as scanners do. */
class DiscoveryHttpTest {
    private static final String WAN_IP = "urn:schemas-upnp-org:service:WANIPConnection:1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Lab lab;
    private static SimDevice cam;
    private static SimDevice router;

    @BeforeAll
    static void start() {
        lab = DiscoveryFixtures.startLab(111, "2.72.1.32", 112);
        cam = lab.device("cam");
        router = lab.device("router");
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static HttpResponse<String> post(String url, String contentType, String soapAction, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (soapAction != null) {
            b.header("SOAPAction", soapAction);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> onvif(String header, String action) throws IOException, InterruptedException {
        String env = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + (header == null ? "" : "<s:Header>" + header + "</s:Header>")
                + "<s:Body><" + action + " xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/></s:Body></s:Envelope>";
        return post("http://127.77.241.111:888/onvif/device_service", "application/soap+xml; charset=utf-8", null, env);
    }

    private static String token(String password, String created) throws Exception {
        byte[] nonce = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(nonce);
        sha1.update(created.getBytes(StandardCharsets.UTF_8));
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        return "<Security xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken>"
                + "<Username>admin</Username><Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">" + Base64.getEncoder().encodeToString(sha1.digest())
                + "</Password><Nonce>" + Base64.getEncoder().encodeToString(nonce) + "</Nonce>"
                + "<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + created + "</Created></UsernameToken></Security>";
    }

    @Test
    void onvifClockThenDigestLoginGivesTheFirmware() throws Exception {
        HttpResponse<String> clock = onvif(null, "GetSystemDateAndTime");
        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(clock.headers().firstValue("Content-Type")).hasValue("application/soap+xml; charset=utf-8");
        XmlNode utc = SafeXml.parse(clock.body()).find("UTCDateTime");
        assertThat(Integer.parseInt(utc.findText("Year"))).isEqualTo(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear());

        HttpResponse<String> refused = onvif(null, "GetDeviceInformation");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ter:NotAuthorized");

        HttpResponse<String> info = onvif(token("12345", Instant.now().toString()), "GetDeviceInformation");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(SafeXml.parse(info.body()).findText("FirmwareVersion")).isEqualTo("2.72.1.32");
    }

    @Test
    void ssdpLocationLeadsToTheDescriptionAndTheControlUrlToThePortForwards() throws Exception {
        String location;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.77.241.201"), 0))) {
            byte[] q = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(q, q.length, router.address(), 1900));
            s.setSoTimeout(2000);
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            s.receive(in);
            String reply = new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII);
            location = reply.lines().filter(l -> l.startsWith("LOCATION:")).findFirst().orElseThrow().substring(9).trim();
        }
        HttpResponse<String> desc = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(desc.statusCode()).isEqualTo(200);
        assertThat(desc.headers().firstValue("Server")).hasValue("Linux/3.3.8 UPnP/1.1 MiniUPnPd/2.1");
        XmlNode root = SafeXml.parse(desc.body());
        assertThat(root.findText("deviceType")).isEqualTo("urn:schemas-upnp-org:device:InternetGatewayDevice:1");
        String control = URI.create(location).resolve(root.findText("controlURL")).toString();

        String soap = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:GetGenericPortMappingEntry xmlns:u=\""
                + WAN_IP + "\"><NewPortMappingIndex>%d</NewPortMappingIndex></u:GetGenericPortMappingEntry></s:Body></s:Envelope>";
        String action = "\"" + WAN_IP + "#GetGenericPortMappingEntry\"";
        HttpResponse<String> first = post(control, "text/xml; charset=\"utf-8\"", action, soap.formatted(0));
        assertThat(first.statusCode()).isEqualTo(200);
        XmlNode entry = SafeXml.parse(first.body());
        assertThat(entry.findText("NewInternalClient")).isEqualTo(cam.ip());
        assertThat(entry.findText("NewExternalPort")).isEqualTo("8081");
        HttpResponse<String> end = post(control, "text/xml; charset=\"utf-8\"", action, soap.formatted(1));
        assertThat(end.statusCode()).isEqualTo(500);
        assertThat(SafeXml.parse(end.body()).findText("errorCode")).isEqualTo("713");
    }

    @Test
    void cameraDescriptionIsServedNextToNothingElse() throws Exception {
        HttpResponse<String> desc = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.77.241.111:88/upnp/desc.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(SafeXml.parse(desc.body()).findText("UDN")).isEqualTo("uuid:" + cam.uuid());
        HttpResponse<String> ctl = post("http://127.77.241.111:88/ctl/IPConn", "text/xml", "\"" + WAN_IP + "#GetExternalIPAddress\"", "<x/>");
        assertThat(ctl.statusCode()).isEqualTo(404);
    }
}
