package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default lab, with its real profiles, convinces outside clients: the JDK HttpClient and plain sockets get the
 * answers the real products give. (Each protocol's corner cases are tested beside it; this is the whole fleet.)
 */
class DefaultLabIT {
    static ProfileCatalog catalog;
    static Lab lab;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void start() {
        catalog = ProfileCatalog.load();
        lab = Lab.start(catalog, new FleetBuilder(catalog).build(LabConfig.defaultLab()), 2);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyServiceOfEveryDeviceAnswers() {
        LabProbe.Result r = LabProbe.check(catalog, lab.devices(), 3000, 64);
        assertThat(r.failures()).isEmpty();
        assertThat(r.tcpPorts()).isGreaterThan(40);
    }

    @Test
    void foscamOnOldFirmwareLetsAdminInWithABlankPassword() throws Exception {
        HttpResponse<String> enu = get("http://127.77.0.10:88/lg/ENU.xml");
        assertThat(enu.statusCode()).isEqualTo(200);
        assertThat(enu.body()).contains("\"IDS_DEV_NAME\">Camera Model</string>");
        HttpResponse<String> info = get("http://127.77.0.10:88/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=");
        assertThat(info.body()).contains("<result>0</result>", "<productName>FI9821P</productName>",
                "<firmwareVer>2.11.1.118</firmwareVer>");
        assertThat(get("http://127.77.0.10:88/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=guess").body())
                .contains("<result>-2</result>");
        // The C2 on patched firmware: the blank password no longer works.
        assertThat(get("http://127.77.0.12:88/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=").body())
                .contains("<result>-2</result>");
    }

    @Test
    void hikvisionBypassOnlyOnVulnerableFirmwareAndTheSlowOneIsSlow() throws Exception {
        HttpResponse<String> vuln = get("http://127.77.0.20/System/deviceInfo?auth=YWRtaW46MTEK");
        assertThat(vuln.statusCode()).isEqualTo(200);
        assertThat(vuln.headers().firstValue("Server")).hasValue("App-webs/");
        assertThat(vuln.body()).contains("<model>DS-2CD2032-I</model>", "<firmwareVersion>V5.3.0</firmwareVersion>");
        long t0 = System.nanoTime();
        HttpResponse<String> patched = get("http://127.77.0.60/System/deviceInfo?auth=YWRtaW46MTEK");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(patched.statusCode()).isEqualTo(401);
        assertThat(ms).as("hikvision-slow holds each answer back 1.5 s").isGreaterThanOrEqualTo(1400);
    }

    @Test
    void netwaveLeaksItsStatusAndAxisRefusesEverything() throws Exception {
        HttpResponse<String> st = get("http://127.77.0.31/get_status.cgi");
        assertThat(st.statusCode()).isEqualTo(200);
        assertThat(st.headers().firstValue("Server")).hasValue("Netwave IP Camera");
        assertThat(st.body()).contains("var sys_ver='21.37.2.47';");
        HttpResponse<String> axis = get("http://127.77.0.40/view/viewer_index.shtml");
        assertThat(axis.statusCode()).isEqualTo(401);
        assertThat(axis.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Digest realm=\"AXIS_ACCC8E"));
    }

    @Test
    void xiongmaiTelnetTakesMiraisFirstCredential() throws Exception {
        try (Socket s = connect("127.77.0.30", 23)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            assertThat(readUntil(in, "login: ")).contains("LocalHost login: ");
            out.write("root\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readUntil(in, "Password: ");
            out.write("xc3511\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readUntil(in, "# ")).endsWith("# ");
            out.write("exit\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void opticamHasFSecuresFtpAccountAndThePatchedC2DoesNot() throws Exception {
        assertThat(ftpLogin("127.77.0.13", 50021, "ftpuser1", "")).startsWith("230");
        assertThat(ftpLogin("127.77.0.12", 50021, "ftpuser1", "")).startsWith("530");
    }

    @Test
    void linuxHostSpeaksOnlySsh() throws Exception {
        try (Socket s = connect("127.77.0.50", 22)) {
            assertThat(readUntil(s.getInputStream(), "\n")).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
        }
    }

    @Test
    void flakyDahuaResetsSomeConnectionsButNotAll() {
        int ok = 0;
        int reset = 0;
        for (int i = 0; i < 40; i++) {
            try (Socket s = connect("127.77.0.61", 80)) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String line = readUntil(s.getInputStream(), "\n");
                if (line.startsWith("HTTP/1.")) {
                    ok++;
                } else {
                    reset++;
                }
            } catch (IOException e) {
                reset++;
            }
        }
        assertThat(ok).isPositive();
        assertThat(reset).isPositive();
    }

    static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 3000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Reads bytes (as Latin-1 text) until the text ends with {@code end} or the peer closes. */
    static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.toString().endsWith(end)) {
                break;
            }
        }
        return sb.toString();
    }

    static String ftpLogin(String host, int port, String user, String pass) throws IOException {
        try (Socket s = connect(host, port)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            assertThat(readUntil(in, "\r\n")).startsWith("220");
            out.write(("USER " + user + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntil(in, "\r\n")).startsWith("331");
            out.write(("PASS " + pass + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = readUntil(in, "\r\n");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return reply;
        }
    }
}
