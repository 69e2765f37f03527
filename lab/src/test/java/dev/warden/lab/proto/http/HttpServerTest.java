package dev.warden.lab.proto.http;

import static dev.warden.lab.proto.http.HttpLabSupport.device;
import static dev.warden.lab.proto.http.HttpLabSupport.get;
import static dev.warden.lab.proto.http.HttpLabSupport.post;
import static dev.warden.lab.proto.http.HttpLabSupport.raw;
import static dev.warden.lab.proto.http.HttpLabSupport.start;
import static dev.warden.lab.proto.http.HttpLabSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP server and the route engine, through the test-engine route set, over real loopback sockets. */
class HttpServerTest {
    private static final String VULN_IP = "127.77.240.1";
    private static final String VULN = "http://" + VULN_IP;
    private static final String PATCHED = "http://127.77.240.2";
    private static final String LOCKME = "http://127.77.240.3";
    private static Lab lab;

    @BeforeAll
    static void up() {
        lab = start(device("eng1", "test-http-engine", VULN_IP, null),
                device("eng2", "test-http-engine", "127.77.240.2", "patched"),
                device("eng3", "test-http-engine", "127.77.240.3", null));
    }

    @AfterAll
    static void down() {
        lab.close();
    }

    @Test
    void answersCarryRenderedBodyServerDateAndLength() {
        HttpResponse<byte[]> r = get(VULN + "/open");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("open TV-1 1.0\n");
        assertThat(r.headers().firstValue("Server")).contains("TestWebs/1.0");
        assertThat(r.headers().firstValue("X-Device")).contains("eng1");
        assertThat(r.headers().firstValue("Date")).hasValueSatisfying(d -> assertThat(d).endsWith("GMT"));
        assertThat(r.headers().firstValue("Content-Length")).contains("14");
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain");
    }

    @Test
    void notFoundIsThePortsOwnAndNoServerHeaderWithoutTheOption() {
        HttpResponse<byte[]> custom = get(VULN + "/nope");
        assertThat(custom.statusCode()).isEqualTo(404);
        assertThat(text(custom)).isEqualTo("nothing at all\n");
        HttpResponse<byte[]> plain = get(VULN + ":8080/nope");
        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(text(plain)).contains("<title>404 Not Found</title>");
        assertThat(plain.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void garbageGets400AndTheServerKeepsServing() {
        assertThat(raw(VULN_IP, 80, "\u0001\u0002GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(raw(VULN_IP, 80, "GET /open HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        assertThat(get(VULN + "/open").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingAppCostsA500AndTheNextAppsStillAnswer() {
        assertThat(get(VULN + ":8080/boom").statusCode()).isEqualTo(500);
        assertThat(text(get(VULN + ":8080/open"))).as("coded app first, then the route set").isEqualTo("open TV-1 1.0\n");
    }

    @Test
    void oversizedBodyAndOverlongLinesAreRefused() {
        assertThat(raw(VULN_IP, 80, "POST /form HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100000\r\n\r\n"))
                .startsWith("HTTP/1.1 413");
        assertThat(raw(VULN_IP, 80, "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 414");
        assertThat(raw(VULN_IP, 80, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431");
    }

    @Test
    void keepAliveServesPipelinedRequestsAndHeadHasNoBody() {
        String both = raw(VULN_IP, 80, "GET /open HTTP/1.1\r\nHost: x\r\n\r\nHEAD /open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(both.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(both).endsWith("Connection: close\r\n\r\n").contains("Content-Length: 14");
        assertThat(raw(VULN_IP, 80, "GET /open HTTP/1.0\r\n\r\n")).endsWith("open TV-1 1.0\n");
    }

    @Test
    void basicAuthChallengesThenAcceptsTheAccount() {
        HttpResponse<byte[]> none = get(VULN + "/basic");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"TestRealm\"");
        assertThat(get(VULN + "/basic", "Authorization", basic("admin", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> ok = get(VULN + "/basic", "Authorization", basic("admin", "s3cret"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(text(ok)).isEqualTo("basic ok\n");
        assertThat(get(PATCHED + "/basic", "Authorization", basic("admin", "s3cret")).statusCode())
                .as("the owner changed the factory password").isEqualTo(401);
    }

    @Test
    void digestIsReallyVerified() throws Exception {
        HttpResponse<byte[]> challenge = get(VULN + "/digest");
        assertThat(challenge.statusCode()).isEqualTo(401);
        String h = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(h).startsWith("Digest realm=\"Digest TV-1\"").contains("qop=\"auth\"", "algorithm=MD5");
        String nonce = param(h, "nonce");
        assertThat(get(VULN + "/digest", "Authorization", digest("admin", "s3cret", "Digest TV-1", nonce, "/digest"))
                .statusCode()).isEqualTo(200);
        assertThat(get(VULN + "/digest", "Authorization", digest("admin", "wrong", "Digest TV-1", nonce, "/digest"))
                .statusCode()).isEqualTo(401);
        assertThat(get(VULN + "/digest", "Authorization", digest("admin", "s3cret", "Digest TV-1", nonce, "/other"))
                .statusCode()).as("response for another URI").isEqualTo(401);
        String forged = "0".repeat(48);
        assertThat(get(VULN + "/digest", "Authorization", digest("admin", "s3cret", "Digest TV-1", forged, "/digest"))
                .statusCode()).as("a nonce the device never issued").isEqualTo(401);
    }

    @Test
    void queryAndFormCredentials() {
        assertThat(get(VULN + "/query?u=admin&p=s3cret").statusCode()).isEqualTo(200);
        assertThat(get(VULN + "/query?u=admin&p=bad").statusCode()).isEqualTo(401);
        assertThat(get(VULN + "/query").statusCode()).isEqualTo(401);
        assertThat(text(post(VULN + "/form", "username=admin&password=s3cret"))).isEqualTo("form ok\n");
        assertThat(text(post(VULN + "/form", "username=admin&password=x"))).isEqualTo("form failed\n");
    }

    @Test
    void lockOutRefusesEvenTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThat(get(LOCKME + "/basic", "Authorization", basic("admin", "guess" + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<byte[]> locked = get(LOCKME + "/basic", "Authorization", basic("admin", "s3cret"));
        assertThat(locked.statusCode()).isEqualTo(403);
        assertThat(get(LOCKME + "/query?u=admin&p=s3cret").statusCode()).isEqualTo(403);
        assertThat(get(VULN + "/query?u=admin&p=s3cret").statusCode()).as("other devices are not locked").isEqualTo(200);
    }

    @Test
    void weaknessGatedRoutesExistOnlyWherePlanted() throws Exception {
        HttpResponse<byte[]> snap = get(VULN + "/vuln/snap.jpg");
        assertThat(snap.statusCode()).isEqualTo(200);
        assertThat(snap.body()).startsWith(0xFF, 0xD8);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(snap.body()))).isNotNull();
        assertThat(get(PATCHED + "/vuln/snap.jpg").statusCode()).isEqualTo(404);
        assertThat(get(PATCHED + "/patched-only").statusCode()).isEqualTo(200);
        assertThat(get(VULN + "/patched-only").statusCode()).isEqualTo(404);
        assertThat(text(get(VULN + "/bypass?auth=magic"))).isEqualTo("bypass ok\n");
        assertThat(get(PATCHED + "/bypass?auth=magic").statusCode()).isEqualTo(401);
        assertThat(get(VULN + "/bypass?auth=other").statusCode()).isEqualTo(401);
    }

    @Test
    void mjpegStreamSendsAFrameThenCloses() {
        String r = raw(VULN_IP, 80, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 OK").contains("multipart/x-mixed-replace;boundary=ipcamera",
                "\r\n\r\n--ipcamera\r\nContent-Type: image/jpeg\r\n").endsWith("\r\n");
        assertThat(r.substring(0, r.indexOf("\r\n\r\n"))).as("a stream has no length").doesNotContain("Content-Length")
                .contains("Connection: close");
    }

    @Test
    void httpsServesTheSameApps() {
        HttpResponse<byte[]> r = get("https://" + VULN_IP + ":8443/open");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("open TV-1 1.0\n");
    }

    @Test
    void halfSentRequestBlocksNobodyAndIsClosedWhenIdle() throws Exception {
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress(VULN_IP, 80), 3000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /open HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            assertThat(get(VULN + "/open").statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
            slow.setSoTimeout(4000);
            InputStream in = slow.getInputStream();
            assertThat(in.read()).as("closed after idle-seconds").isEqualTo(-1);
        }
    }

    private static String basic(String user, String pass) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }

    private static String digest(String user, String pass, String realm, String nonce, String uri) throws Exception {
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + pass);
        String ha2 = md5("GET:" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\"";
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
