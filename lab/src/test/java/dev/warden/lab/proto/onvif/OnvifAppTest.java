package dev.warden.lab.proto.onvif;

import static dev.warden.lab.proto.DiscoveryFixtures.HOSTILE_XML;
import static dev.warden.lab.proto.DiscoveryFixtures.body;
import static dev.warden.lab.proto.DiscoveryFixtures.camera;
import static dev.warden.lab.proto.DiscoveryFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.device.SimDevice;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnvifAppTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private final OnvifApp app = new OnvifApp(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String DEVICE_NS = "http://www.onvif.org/ver10/device/wsdl";
    private static final String MEDIA_NS = "http://www.onvif.org/ver10/media/wsdl";

    static String envelope(String header, String call) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + (header == null ? "" : "<s:Header>" + header + "</s:Header>") + "<s:Body>" + call + "</s:Body></s:Envelope>";
    }

    static String call(String ns, String action, String inner) {
        return "<" + action + " xmlns=\"" + ns + "\">" + inner + "</" + action + ">";
    }

    /** A UsernameToken with PasswordDigest = Base64(SHA1(nonce + created + password)). */
    static String digestToken(String user, String password, Instant created) throws Exception {
        byte[] nonce = "lab-nonce-123456".getBytes(StandardCharsets.UTF_8);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(nonce);
        sha1.update(created.toString().getBytes(StandardCharsets.UTF_8));
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        return "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
                + Base64.getEncoder().encodeToString(sha1.digest()) + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-soap-message-security-1.0#Base64Binary\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    private FullHttpResponse post(SimDevice d, String path, String xml) {
        return app.handle(exchange(d, 8899, "onvif", HttpMethod.POST, path, xml, Map.of()));
    }

    private FullHttpResponse post(SimDevice d, String xml) {
        return post(d, "/onvif/device_service", xml);
    }

    @Test
    void systemDateAndTimeAnswersWithoutCredentialsFromTheDeviceClock() {
        FullHttpResponse r = post(camera("patched", 1), envelope(null, call(DEVICE_NS, "GetSystemDateAndTime", "")));
        assertThat(r.status().code()).isEqualTo(200);
        assertThat(r.headers().get("Content-Type")).startsWith("application/soap+xml");
        assertThat(body(r)).contains("<tt:UTCDateTime><tt:Time><tt:Hour>5</tt:Hour><tt:Minute>6</tt:Minute><tt:Second>7</tt:Second>")
                .contains("<tt:Year>2026</tt:Year><tt:Month>3</tt:Month><tt:Day>4</tt:Day>");
    }

    @Test
    void capabilitiesAndServicesPointAtThisAddressAndPort() {
        SimDevice d = camera("patched", 2);
        String caps = body(post(d, envelope(null, call(DEVICE_NS, "GetCapabilities", "<Category>All</Category>"))));
        assertThat(caps).contains("<tt:XAddr>http://127.77.241.2:8899/onvif/device_service</tt:XAddr>")
                .contains("<tt:XAddr>http://127.77.241.2:8899/onvif/media_service</tt:XAddr>");
        String media = body(post(d, envelope(null, call(DEVICE_NS, "GetCapabilities", "<Category>Media</Category>"))));
        assertThat(media).contains("media_service").doesNotContain("device_service");
        FullHttpResponse ptz = post(d, envelope(null, call(DEVICE_NS, "GetCapabilities", "<Category>PTZ</Category>")));
        assertThat(ptz.status().code()).isEqualTo(400);
        assertThat(body(ptz)).contains("ter:NoSuchService");
        assertThat(body(post(d, envelope(null, call(DEVICE_NS, "GetServices", "<IncludeCapability>false</IncludeCapability>")))))
                .contains("<tds:Namespace>" + MEDIA_NS + "</tds:Namespace><tds:XAddr>http://127.77.241.2:8899/onvif/media_service");
    }

    @Test
    void deviceInformationNeedsCredentialsUnlessOnvifNoAuthIsPlanted() {
        FullHttpResponse refused = post(camera("patched", 3), envelope(null, call(DEVICE_NS, "GetDeviceInformation", "")));
        assertThat(refused.status().code()).isEqualTo(400);
        assertThat(body(refused)).contains("<env:Value>env:Sender</env:Value>").contains("ter:NotAuthorized");

        SimDevice open = camera(null, 4);
        FullHttpResponse r = post(open, envelope(null, call(DEVICE_NS, "GetDeviceInformation", "")));
        assertThat(r.status().code()).isEqualTo(200);
        assertThat(body(r)).contains("<tds:Manufacturer>IPCAM</tds:Manufacturer>", "<tds:Model>i5 HD</tds:Model>",
                "<tds:FirmwareVersion>2.21.1.128</tds:FirmwareVersion>", "<tds:SerialNumber>" + open.serial() + "</tds:SerialNumber>",
                "<tds:HardwareId>1.5.2.11</tds:HardwareId>");
    }

    @Test
    void passwordDigestAndPasswordTextLogIn() throws Exception {
        SimDevice d = camera("2.72.1.32", 5);
        String info = call(DEVICE_NS, "GetDeviceInformation", "");
        assertThat(post(d, envelope(digestToken("admin", "12345", NOW.minusSeconds(30)), info)).status().code()).isEqualTo(200);
        String text = "<Security xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<UsernameToken><Username>admin</Username><Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordText\">12345</Password></UsernameToken></Security>";
        assertThat(post(d, envelope(text, info)).status().code()).isEqualTo(200);
    }

    @Test
    void wrongDigestStaleCreatedAndUnknownUserAreRefused() throws Exception {
        SimDevice d = camera("2.72.1.32", 6);
        String info = call(DEVICE_NS, "GetDeviceInformation", "");
        assertThat(body(post(d, envelope(digestToken("admin", "admin", NOW), info)))).contains("ter:NotAuthorized");
        assertThat(body(post(d, envelope(digestToken("admin", "12345", NOW.minusSeconds(3600)), info)))).contains("ter:NotAuthorized");
        assertThat(body(post(d, envelope(digestToken("root", "12345", NOW), info)))).contains("ter:NotAuthorized");
    }

    @Test
    void repeatedFailuresLockTheClientOutEvenWithTheRightPassword() throws Exception {
        SimDevice d = camera("2.72.1.32", 7);
        String info = call(DEVICE_NS, "GetDeviceInformation", "");
        for (int i = 0; i < 3; i++) {
            assertThat(post(d, envelope(digestToken("admin", "wrong" + i, NOW), info)).status().code()).isEqualTo(400);
        }
        FullHttpResponse locked = post(d, envelope(digestToken("admin", "12345", NOW), info));
        assertThat(locked.status().code()).isEqualTo(400);
        assertThat(body(locked)).contains("ter:NotAuthorized");
    }

    @Test
    void streamUriLeaksTheWebCredentialsOnlyWhenPlanted() throws Exception {
        String req = call(MEDIA_NS, "GetStreamUri", "<StreamSetup><Stream xmlns=\"http://www.onvif.org/ver10/schema\">RTP-Unicast</Stream>"
                + "</StreamSetup><ProfileToken>Profile_1</ProfileToken>");
        String leaky = body(post(camera(null, 8), "/onvif/Media", envelope(null, req)));
        assertThat(leaky).contains("<tt:Uri>rtsp://admin:12345@127.77.241.8:554/videoMain</tt:Uri>");

        SimDevice safe = camera("2.72.1.32", 9);
        String clean = body(post(safe, "/onvif/media_service", envelope(digestToken("admin", "12345", NOW), req)));
        assertThat(clean).contains("<tt:Uri>rtsp://127.77.241.9:554/videoMain</tt:Uri>").doesNotContain("12345@");
        assertThat(body(post(safe, "/onvif/media_service", envelope(null, req)))).contains("ter:NotAuthorized");
    }

    @Test
    void profilesListMainAndSubStreamAndUnknownTokensFault() {
        SimDevice d = camera(null, 10);
        assertThat(body(post(d, envelope(null, call(MEDIA_NS, "GetProfiles", "")))))
                .contains("<trt:Profiles token=\"Profile_1\"", "<trt:Profiles token=\"Profile_2\"", "<tt:Encoding>H264</tt:Encoding>");
        assertThat(body(post(d, envelope(null, call(MEDIA_NS, "GetStreamUri", "<ProfileToken>Profile_2</ProfileToken>")))))
                .contains("/videoSub</tt:Uri>");
        FullHttpResponse r = post(d, envelope(null, call(MEDIA_NS, "GetStreamUri", "<ProfileToken>nope</ProfileToken>")));
        assertThat(r.status().code()).isEqualTo(400);
        assertThat(body(r)).contains("ter:InvalidArgVal", "ter:NoProfile");
    }

    @Test
    void stateChangingActionsAreNeverPerformed() throws Exception {
        String reboot = call(DEVICE_NS, "SystemReboot", "");
        assertThat(body(post(camera("patched", 11), envelope(null, reboot)))).contains("ter:NotAuthorized");
        FullHttpResponse authed = post(camera("2.72.1.32", 12), envelope(digestToken("admin", "12345", NOW), reboot));
        assertThat(authed.status().code()).isEqualTo(500);
        assertThat(body(authed)).contains("<env:Value>env:Receiver</env:Value>", "ter:ActionNotSupported");
        String setDns = call(DEVICE_NS, "SetDNS", "<FromDHCP>false</FromDHCP>");
        assertThat(body(post(camera(null, 13), envelope(null, setDns)))).contains("ter:ActionNotSupported");
    }

    @Test
    void hostileOrBrokenXmlGetsAFaultNeverAnException() {
        SimDevice d = camera(null, 14);
        for (String xml : HOSTILE_XML) {
            FullHttpResponse r = post(d, xml);
            assertThat(r.status().code()).as(xml).isEqualTo(400);
            assertThat(body(r)).as(xml).contains("ter:WellFormed").doesNotContain("root:");
        }
    }

    @Test
    void otherPathsAreLeftToOtherAppsAndGetIsNotAllowed() {
        SimDevice d = camera(null, 15);
        assertThat(app.handle(exchange(d, 80, "onvif", HttpMethod.POST, "/index.html", "", Map.of()))).isNull();
        FullHttpResponse get = app.handle(exchange(d, 80, "onvif", HttpMethod.GET, "/onvif/device_service", "", Map.of()));
        assertThat(get.status().code()).isEqualTo(405);
        assertThat(get.headers().get("Allow")).isEqualTo("POST");
    }
}
