package dev.warden.lab.proto.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RTSP server against real sockets on 127.77.242.x, as a scanner or player would talk to it. */
class RtspServerTest {
    private static final String DAHUA = "127.77.242.1";
    private static final String OPEN = "127.77.242.2";
    private static final String PATCHED = "127.77.242.3";
    private static final String FOSCAM = "127.77.242.4";
    private static final String HIK = "127.77.242.5";
    private static final String LOCKME = "127.77.242.6";
    private static final String MAIN = "/cam/realmonitor?channel=1&subtype=0";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([0-9a-f]{32})\"");

    private static Lab lab;

    @BeforeAll
    static void start() {
        ProfileCatalog cat = ProfileCatalog.load(List.of(Path.of("src/test/resources/profiles-rtsp")));
        List<SimDevice> devs = new FleetBuilder(cat).build(List.of(
                entry("cam1", "test-rtsp-dahua", DAHUA, null),
                entry("open", "test-rtsp-dahua", OPEN, "V2.420.0000.0.R"),
                entry("patched", "test-rtsp-dahua", PATCHED, "patched"),
                entry("fos", "test-rtsp-foscam", FOSCAM, null),
                entry("hik", "test-rtsp-hik", HIK, null),
                entry("lockme", "test-rtsp-dahua", LOCKME, null)));
        lab = Lab.start(cat, devs, 1);
    }

    private static DeviceEntry entry(String name, String profile, String ip, String firmware) {
        return new DeviceEntry(name, profile, ip, firmware, null, null, List.of());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void optionsListsPublicMethodsAndServerBanner() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            RtspClient.Response r = c.request("OPTIONS", "rtsp://" + DAHUA + ":554/", 1);
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 200 OK");
            assertThat(r.header("CSeq")).isEqualTo("1");
            assertThat(r.header("Server")).isEqualTo("Dahua Rtsp Server");
            assertThat(r.header("Public")).isEqualTo("OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER");
        }
    }

    @Test
    void nmapMinimalProbeIsAnsweredAndNoServerOptionMeansNoServerHeader() throws IOException {
        try (RtspClient c = new RtspClient(FOSCAM, 8554)) {
            c.send("OPTIONS / RTSP/1.0\r\n\r\n");
            RtspClient.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("CSeq")).isNull();
            assertThat(r.header("Server")).isNull();
            assertThat(r.header("Public")).contains("DESCRIBE");
        }
    }

    @Test
    void authOptionsChallengesOptionsWithDigestAndBasic() throws IOException {
        try (RtspClient c = new RtspClient(HIK, 554)) {
            RtspClient.Response r = c.request("OPTIONS", "rtsp://" + HIK + "/", 1);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).hasSize(2);
            assertThat(r.headers("WWW-Authenticate").get(0)).startsWith("Digest realm=\"Hikvision\", nonce=\"").endsWith("stale=\"FALSE\"");
            assertThat(r.headers("WWW-Authenticate").get(1)).isEqualTo("Basic realm=\"Hikvision\"");
            r = c.request("OPTIONS", "rtsp://" + HIK + "/", 2, basic("admin", "12345"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Public")).isEqualTo("OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER");
            r = c.request("DESCRIBE", "rtsp://" + HIK + ":554/Streaming/Channels/101", 3, digest(freshNonce(c, HIK, "/Streaming/Channels/101"),
                    "admin", "Hikvision", "12345", "DESCRIBE", "rtsp://" + HIK + ":554/Streaming/Channels/101"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Base")).isEqualTo("rtsp://" + HIK + ":554/Streaming/Channels/101/");
        }
    }

    @Test
    void describeWithoutCredentialsIsChallengedWithRealmAndFreshNonce() throws IOException {
        String realm = "Login to " + lab.device("cam1").serial();
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            RtspClient.Response a = c.request("DESCRIBE", url(DAHUA, MAIN), 2, "Accept: application/sdp");
            RtspClient.Response b = c.request("DESCRIBE", url(DAHUA, MAIN), 3, "Accept: application/sdp");
            assertThat(a.statusLine()).isEqualTo("RTSP/1.0 401 Unauthorized");
            assertThat(a.header("CSeq")).isEqualTo("2");
            assertThat(b.header("CSeq")).isEqualTo("3");
            assertThat(a.headers("WWW-Authenticate")).singleElement().asString()
                    .startsWith("Digest realm=\"" + realm + "\", nonce=\"");
            assertThat(nonce(a)).isNotEqualTo(nonce(b));
            assertThat(a.body()).isEmpty();
        }
    }

    @Test
    void digestWithTheRightPasswordGetsTheSdp() throws IOException {
        String realm = "Login to " + lab.device("cam1").serial();
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            String n = nonce(c.request("DESCRIBE", url(DAHUA, MAIN), 1));
            RtspClient.Response r = c.request("DESCRIBE", url(DAHUA, MAIN), 2, "Accept: application/sdp",
                    digest(n, "admin", realm, "admin", "DESCRIBE", url(DAHUA, MAIN)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/sdp");
            assertThat(r.header("Content-Base")).isEqualTo(url(DAHUA, MAIN) + "/");
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(r.body()).startsWith("v=0\r\no=- ").contains(
                    "\r\ns=IPC-HDW1230S\r\n", "\r\nt=0 0\r\n", "\r\na=control:*\r\n", "\r\nm=video 0 RTP/AVP 96\r\n",
                    "\r\na=rtpmap:96 H264/90000\r\n",
                    "\r\na=fmtp:96 packetization-mode=1;profile-level-id=4D0028;sprop-parameter-sets=",
                    "\r\na=control:trackID=1\r\n").doesNotContain("m=audio");
        }
    }

    @Test
    void digestWithAWrongPasswordIsRefused() throws IOException {
        String realm = "Login to " + lab.device("cam1").serial();
        try (RtspClient c = new RtspClient(DAHUA, 554, "127.77.242.210")) {
            String n = nonce(c.request("DESCRIBE", url(DAHUA, MAIN), 1));
            RtspClient.Response r = c.request("DESCRIBE", url(DAHUA, MAIN), 2,
                    digest(n, "admin", realm, "12345", "DESCRIBE", url(DAHUA, MAIN)));
            assertThat(r.status()).isEqualTo(401);
            assertThat(nonce(r)).isNotEqualTo(n);
            r = c.request("DESCRIBE", url(DAHUA, MAIN), 3, digest("0123456789abcdef0123456789abcdef", "admin", realm,
                    "admin", "DESCRIBE", url(DAHUA, MAIN)));
            assertThat(r.status()).as("a nonce the camera never issued").isEqualTo(401);
        }
    }

    @Test
    void lockOutRefusesEvenTheRightPasswordButOnlyForThatClient() throws IOException {
        String realm = "Login to " + lab.device("lockme").serial();
        String uri = url(LOCKME, MAIN);
        try (RtspClient c = new RtspClient(LOCKME, 554, "127.77.242.201")) {
            for (int i = 1; i <= 3; i++) {
                String n = nonce(c.request("DESCRIBE", uri, 10 * i));
                assertThat(c.request("DESCRIBE", uri, 10 * i + 1, digest(n, "admin", realm, "guess" + i, "DESCRIBE", uri))
                        .status()).isEqualTo(401);
            }
            String n = nonce(c.request("DESCRIBE", uri, 40));
            assertThat(c.request("DESCRIBE", uri, 41, digest(n, "admin", realm, "admin", "DESCRIBE", uri)).status())
                    .isEqualTo(401);
        }
        try (RtspClient other = new RtspClient(LOCKME, 554, "127.77.242.202")) {
            String n = nonce(other.request("DESCRIBE", uri, 1));
            assertThat(other.request("DESCRIBE", uri, 2, digest(n, "admin", realm, "admin", "DESCRIBE", uri)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void basicAuthCamera() throws IOException {
        try (RtspClient c = new RtspClient(FOSCAM, 8554, "127.77.242.220")) {
            RtspClient.Response r = c.request("DESCRIBE", url(FOSCAM, "/videoSub").replace(":554", ":8554"), 1);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).containsExactly("Basic realm=\"Foscam IPCam Living Video\"");
            assertThat(c.request("DESCRIBE", "/videoSub", 2, basic("admin", "admin")).status()).isEqualTo(401);
            r = c.request("DESCRIBE", "/videoSub", 3, basic("admin", ""));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Base")).isEqualTo("rtsp://" + FOSCAM + ":8554/videoSub/");
            assertThat(r.body()).contains("profile-level-id=4D001E;", "a=framesize:96 640-360", "m=audio 0 RTP/AVP 8\r\n",
                    "a=rtpmap:8 PCMA/8000\r\n", "a=control:trackID=2\r\n");
            r = c.request("DESCRIBE", "/videoMain", 4, basic("admin", ""));
            assertThat(r.body()).contains("profile-level-id=4D001F;", "a=framesize:96 1280-720");
            assertThat(c.request("DESCRIBE", "/videoMain", 5, "Authorization: Basic !!notbase64").status()).isEqualTo(401);
        }
    }

    @Test
    void plantedWeaknessServesTheStreamWithoutCredentialsAndPatchedFirmwareDoesNot() throws IOException {
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            RtspClient.Response r = c.request("DESCRIBE", url(OPEN, MAIN), 1, "Accept: application/sdp");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/sdp");
            assertThat(r.header("WWW-Authenticate")).isNull();
        }
        try (RtspClient c = new RtspClient(PATCHED, 554)) {
            RtspClient.Response r = c.request("DESCRIBE", url(PATCHED, MAIN), 1, "Accept: application/sdp");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void streamPathsMatchLikeDahua() throws IOException {
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            RtspClient.Response r = c.request("DESCRIBE", url(OPEN, "/live/ch0"), 1);
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 404 Stream Not Found");
            assertThat(c.request("DESCRIBE", url(OPEN, "/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif"), 2)
                    .status()).isEqualTo(200);
            assertThat(c.request("DESCRIBE", url(OPEN, "/cam/realmonitor?channel=2&subtype=0"), 3).status()).isEqualTo(404);
            assertThat(c.request("DESCRIBE", url(OPEN, "/cam/realmonitor"), 4).status()).isEqualTo(404);
        }
    }

    @Test
    void authIsCheckedBeforeThePathSoUnknownPathsAreChallengedToo() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            assertThat(c.request("DESCRIBE", url(DAHUA, "/nothing/here"), 1).status()).isEqualTo(401);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWithTheirCSeq() throws IOException {
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            c.send("OPTIONS rtsp://" + OPEN + "/ RTSP/1.0\r\nCSeq: 5\r\n\r\n"
                    + "DESCRIBE " + url(OPEN, MAIN) + " RTSP/1.0\r\nCSeq: 6\r\nAccept: application/sdp\r\n\r\n"
                    + "\r\nGET_PARAMETER " + url(OPEN, MAIN) + " RTSP/1.0\r\nCSeq: 7\r\n\r\n");
            RtspClient.Response a = c.read();
            RtspClient.Response b = c.read();
            RtspClient.Response d = c.read();
            assertThat(List.of(a.header("CSeq"), b.header("CSeq"), d.header("CSeq"))).containsExactly("5", "6", "7");
            assertThat(List.of(a.status(), b.status(), d.status())).containsExactly(200, 200, 200);
            assertThat(b.body()).startsWith("v=0");
        }
    }

    @Test
    void methodsThatWouldStreamAreRefused() throws IOException {
        String uri = url(OPEN, MAIN);
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            assertThat(c.request("SETUP", uri + "/trackID=1", 1, "Transport: RTP/AVP;unicast;client_port=5000-5001")
                    .statusLine()).isEqualTo("RTSP/1.0 461 Unsupported Transport");
            assertThat(c.request("PLAY", uri, 2, "Session: 12345678").statusLine()).isEqualTo("RTSP/1.0 454 Session Not Found");
            assertThat(c.request("TEARDOWN", uri, 3, "Session: 12345678").status()).isEqualTo(454);
            assertThat(c.request("GET_PARAMETER", uri, 4, "Session: 12345678").status()).isEqualTo(454);
            assertThat(c.request("SET_PARAMETER", uri, 5).status()).isEqualTo(451);
            RtspClient.Response r = c.request("ANNOUNCE", uri, 6);
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 405 Method Not Allowed");
            assertThat(r.header("Allow")).startsWith("OPTIONS, DESCRIBE");
            r = c.request("FLY", uri, 7);
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 501 Not Implemented");
            assertThat(r.header("Public")).startsWith("OPTIONS, DESCRIBE");
        }
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            assertThat(c.request("SETUP", url(DAHUA, MAIN) + "/trackID=1", 1).status()).as("auth first").isEqualTo(401);
        }
    }

    @Test
    void requestBodiesAreReadAndSkipped() throws IOException {
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            c.send("SET_PARAMETER " + url(OPEN, MAIN) + " RTSP/1.0\r\nCSeq: 1\r\nContent-Type: text/parameters\r\n"
                    + "Content-Length: 12\r\n\r\nbarparam: 1\n"
                    + "OPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            assertThat(c.read().header("CSeq")).isEqualTo("1");
            RtspClient.Response r = c.read();
            assertThat(r.header("CSeq")).isEqualTo("2");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void garbageGets400AndTheConnectionIsClosed() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000");
            RtspClient.Response r = c.read();
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 400 Bad Request");
            assertThat(r.header("Server")).isEqualTo("Dahua Rtsp Server");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send("DESCRIBE /x RTSP/1.0\r\nCSeq: 9\r\nno colon here\r\n\r\n");
            RtspClient.Response r = c.read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("CSeq")).isEqualTo("9");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send("ANNOUNCE /x RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 99999999\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void otherProtocolsGet505() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send("GET / HTTP/1.1\r\nHost: " + DAHUA + "\r\n\r\n");
            assertThat(c.read().statusLine()).isEqualTo("RTSP/1.0 505 RTSP Version Not Supported");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aHugeHeaderLineIsRefused() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send("OPTIONS / RTSP/1.0\r\nCSeq: 1\r\nX-Filler: " + "A".repeat(100_000));
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aSecondClientIsServedWhileTheFirstSendsHalfARequest() throws IOException {
        try (RtspClient slow = new RtspClient(DAHUA, 554); RtspClient fast = new RtspClient(DAHUA, 554)) {
            slow.send("OPTIONS rtsp://" + DAHUA + "/ RTSP/1.0\r\nCSe");
            assertThat(fast.request("OPTIONS", "rtsp://" + DAHUA + "/", 1).status()).isEqualTo(200);
            slow.send("q: 4\r\n\r\n");
            RtspClient.Response r = slow.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("CSeq")).isEqualTo("4");
        }
    }

    @Test
    void aClientThatPipelinesWithoutReadingIsThrottledNotDropped() throws Exception {
        int n = 20_000;
        try (RtspClient c = new RtspClient(OPEN, 554)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    StringBuilder batch = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        batch.append("DESCRIBE ").append(url(OPEN, MAIN)).append(" RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
                        if (i % 500 == 0) {
                            c.send(batch.toString());
                            batch.setLength(0);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(1000); // let the server's send buffer fill up before anything is read
            for (int i = 1; i <= n; i++) {
                assertThat(c.read().header("CSeq")).isEqualTo(Integer.toString(i));
            }
            writer.join();
        }
    }

    private static String url(String ip, String path) {
        return "rtsp://" + ip + ":554" + path;
    }

    /** A fresh nonce from a DESCRIBE without credentials. */
    private static String freshNonce(RtspClient c, String ip, String path) throws IOException {
        return nonce(c.request("DESCRIBE", url(ip, path), 99));
    }

    private static String nonce(RtspClient.Response r) {
        Matcher m = NONCE.matcher(r.headers("WWW-Authenticate").getFirst());
        assertThat(m.find()).as("nonce in %s", r.headers("WWW-Authenticate")).isTrue();
        return m.group(1);
    }

    private static String basic(String user, String pass) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 2617 Digest response without qop, computed here independently of the server. */
    private static String digest(String nonce, String user, String realm, String pass, String method, String uri) {
        String ha1 = md5(user + ":" + realm + ":" + pass);
        String ha2 = md5(method + ":" + uri);
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + md5(ha1 + ":" + nonce + ":" + ha2) + "\"";
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
