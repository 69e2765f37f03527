package dev.warden.lab.proto.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.Lab;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped XiongMai, Dahua and Hikvision profiles answer scanners' probes with their vendors' byte layout
 * (header order, CSeq spelling, Date format or none), on 127.77.220.20x.
 */
class RtspDialectTest {
    private static final String XM = "127.77.220.201";
    private static final String DAHUA = "127.77.220.202";
    private static final String HIK = "127.77.220.203";
    /** nmap's RTSP probe: no CSeq at all. */
    private static final String BARE_OPTIONS = "OPTIONS / RTSP/1.0\r\n\r\n";

    private static Lab lab;

    @BeforeAll
    static void start() {
        ProfileCatalog cat = ProfileCatalog.load();
        lab = Lab.start(cat, new FleetBuilder(cat).build(List.of(
                entry("xm", "xiongmai-dvr", XM, "V4.03.R11.C6380163.12201.140000.0000000"),
                entry("dahua", "dahua-ipc-hdw", DAHUA, "2.622.0000000.8.R"),
                entry("hik", "hikvision-ds-2cd2032-i", HIK, "V5.4.5 build 170124"))), 1);
    }

    private static DeviceEntry entry(String name, String profile, String ip, String firmware) {
        return new DeviceEntry(name, profile, ip, firmware, null, null, List.of());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void xiongmaiPutsServerFirstSpellsCseqAndSendsNoDate() throws IOException {
        try (RtspClient c = new RtspClient(XM, 554)) {
            c.send(BARE_OPTIONS);
            assertThat(raw(c.read())).isEqualTo("RTSP/1.0 200 OK\r\nServer: H264DVR 1.0\r\n"
                    + "Public: OPTIONS, DESCRIBE, SETUP, TEARDOWN, GET_PARAMETER, SET_PARAMETER, PLAY, PAUSE\r\n");
            RtspClient.Response r = c.request("OPTIONS", "rtsp://" + XM + ":554/", 7);
            assertThat(names(r)).containsExactly("Server", "Cseq", "Public");
            assertThat(r.header("CSeq")).isEqualTo("7");
        }
    }

    @Test
    void dahuaChallengesOptionsThenNamesItselfWithAnEmptyLength() throws IOException {
        try (RtspClient c = new RtspClient(DAHUA, 554)) {
            c.send(BARE_OPTIONS);
            assertThat(raw(c.read())).isEqualTo("RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"device\"\r\n"
                    + "Server: Dahua Rtsp Server\r\nContent-Length: 0\r\n");
            RtspClient.Response r = c.request("OPTIONS", "rtsp://" + DAHUA + ":554/", 2);
            assertThat(names(r)).containsExactly("CSeq", "WWW-Authenticate", "Server", "Content-Length");
        }
    }

    @Test
    void hikvisionAnswersOptionsOpenlyWithItsDateAndEvenToASipRequestLine() throws IOException {
        try (RtspClient c = new RtspClient(HIK, 554)) {
            c.send(BARE_OPTIONS);
            RtspClient.Response r = c.read();
            assertThat(names(r)).containsExactly("Public", "Date");
            assertThat(r.header("Public")).isEqualTo("OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER");
            assertThat(r.header("Date")).matches("[A-Z][a-z]{2}, [A-Z][a-z]{2} \\d\\d \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
            c.send("OPTIONS sip:nm SIP/2.0\r\nCSeq: 42 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            r = c.read();
            assertThat(r.statusLine()).isEqualTo("RTSP/1.0 200 OK");
            assertThat(names(r)).containsExactly("CSeq", "Public", "Date");
            assertThat(r.header("CSeq")).isEqualTo("42 OPTIONS");
            r = c.request("DESCRIBE", "rtsp://" + HIK + ":554/Streaming/Channels/101", 3);
            assertThat(r.status()).isEqualTo(401);
            assertThat(names(r)).containsExactly("CSeq", "WWW-Authenticate", "Date");
        }
    }

    @Test
    void anUnknownDialectIsRefusedNamingProfilePortAndPresetsAndTheDefaultIsGeneric() {
        assertThatThrownBy(() -> new RtspServer().validate("cam", spec(Map.of("paths", List.of("/a"), "dialect", "axis"))))
                .hasMessageContaining("profile cam port 554").hasMessageContaining("option 'dialect'")
                .hasMessageContaining("h264dvr");
        assertThat(RtspConfig.of(spec(Map.of("paths", List.of("/a")))).dialect()).isEqualTo(RtspDialect.GENERIC);
    }

    private static ServiceSpec spec(Map<String, Object> options) {
        return new ServiceSpec(554, "rtsp", false, null, options);
    }

    private static List<String> names(RtspClient.Response r) {
        return r.headers().stream().map(h -> h[0]).toList();
    }

    /** The head as sent, status line and header lines, without the blank line. */
    private static String raw(RtspClient.Response r) {
        StringBuilder sb = new StringBuilder(r.statusLine()).append("\r\n");
        for (String[] h : r.headers()) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return sb.toString();
    }
}
