package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.model.Severity;
import dev.warden.watch.decode.PacketView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic captures of each flood kind, DNS water torture and brute force from a local device, the same attacks
 * toward a local host from outside (victim alerts only), and a camera's ordinary day (no alert at all), replayed
 * through the whole pipeline with every detector.
 */
class FloodDetectorTest {
    static final int SYN = PacketView.TCP_SYN;
    static final int ACK = PacketView.TCP_ACK;
    static final int PSH = PacketView.TCP_PSH;
    static final int FIN = PacketView.TCP_FIN;
    static final String BOT = "192.168.1.50";
    static final String TARGET = "203.0.113.5";

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final Capture capture = new Capture();

    private static Alert only(List<Alert> alerts, String kind) {
        assertThat(alerts).as("alerts").singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(kind);
            assertThat(a.role()).isEqualTo(Alert.Role.SOURCE);
        });
        return alerts.get(0);
    }

    @Test
    void aSynFloodWithRandomSourcePortsIsOneSynFloodAlertAboutTheBot() throws IOException {
        for (int i = 0; i < 3_000; i++) {
            capture.after(200).tcp(BOT, 1024 + random.nextInt(60_000), TARGET, 80, random.nextInt(), SYN, null);
        }
        Alert a = only(capture.replay(dir), "syn-flood");
        assertThat(a.host()).isEqualTo(BOT);
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.peers()).containsExactly(TARGET);
        assertThat(a.evidence()).startsWith("SYN flood toward 203.0.113.5: 1,000 packets in 0.2 s")
                .contains("100% of the TCP packets were bare SYNs").contains("randomised").contains("~1 destination port");
        assertThat(a.counts()).containsEntry("packets", 1000L).containsEntry("peak_pps", 1000L);
        assertThat(a.ts().getEpochSecond()).isEqualTo(Capture.T0);
    }

    /** 6,000 ACKs at 10,000 per second on random ports and sequence numbers, with {@code payload} (or none). */
    private void ackFlood(String payload) {
        for (int i = 0; i < 6_000; i++) {
            capture.after(100).tcp(BOT, 1024 + random.nextInt(60_000), TARGET, 1 + random.nextInt(65_000),
                    random.nextInt(), ACK, payload);
        }
    }

    @Test
    void anAckFloodOnConnectionsNoHandshakeOpenedIsAnAckFlood() throws IOException {
        ackFlood(null);
        Alert a = only(capture.replay(dir), "ack-flood");
        assertThat(a.evidence()).startsWith("ACK flood toward 203.0.113.5: 5,000 packets")
                .contains("connections no handshake opened");
    }

    /** Mirai's attack_tcp_ack by default: 512 random payload bytes in every packet, random ports, seq and ack. */
    @Test
    void miraisDefaultAckFloodWithPayloadIsAnAckFlood() throws IOException {
        ackFlood("x".repeat(512));
        assertThat(only(capture.replay(dir), "ack-flood").evidence()).startsWith("ACK flood toward 203.0.113.5");
    }

    /** The order a bot gets them in: a SYN flood's unanswered SYNs open no connection, so the ACK flood still shows. */
    @Test
    void anAckFloodRightAfterASynFloodToTheSameVictimIsStillAnAckFlood() throws IOException {
        for (int i = 0; i < 3_000; i++) {
            capture.after(200).tcp(BOT, 1024 + random.nextInt(60_000), TARGET, 80, random.nextInt(), SYN, null);
        }
        ackFlood("x".repeat(512));
        assertThat(capture.replay(dir)).extracting(Alert::kind).containsExactly("syn-flood", "ack-flood");
    }

    @Test
    void aUdpFloodToTheSourceEnginePortIsNamedAsMiraisVse() throws IOException {
        byte[] query = "\u00ff\u00ff\u00ff\u00ffTSource Engine Query\0".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 21_000; i++) {
            capture.after(50).udp(BOT, 40_000, TARGET, 27015, query);
        }
        Alert a = only(capture.replay(dir), "udp-flood");
        assertThat(a.evidence()).contains("UDP flood toward 203.0.113.5: 20,000 packets in 1.0 s")
                .contains("0 packets answered back").contains("Mirai's \"vse\"");
        assertThat(a.counts().get("pps")).isBetween(19_990L, 20_010L);
    }

    @Test
    void aGreFloodIsReportedWithTheOuterAddresses() throws IOException {
        for (int i = 0; i < 6_000; i++) {
            capture.after(100).greIp(BOT, TARGET, random.nextInt(65_000), random.nextInt(65_000));
        }
        Alert a = only(capture.replay(dir), "gre-flood");
        assertThat(a.host()).isEqualTo(BOT);
        assertThat(a.evidence()).contains("GRE flood toward 203.0.113.5: 5,000 packets").contains("greip");
    }

    @Test
    void manyHttpRequestsToOneServerAreAnHttpFlood() throws IOException {
        for (int c = 0; c < 5; c++) {
            int port = 50_000 + c;
            capture.after(1_000).tcp(BOT, port, TARGET, 80, 100, SYN, null);
            capture.after(1_000).tcp(TARGET, 80, BOT, port, 900, SYN | ACK, null);
            capture.after(1_000).tcp(BOT, port, TARGET, 80, 101, ACK, null);
        }
        for (int i = 0; i < 300; i++) {
            int port = 50_000 + i % 5;
            capture.after(10_000).tcp(BOT, port, TARGET, 80, 101, PSH | ACK, "GET /?" + i + " HTTP/1.1\r\n\r\n");
            capture.after(1_000).tcp(TARGET, 80, BOT, port, 901, PSH | ACK, "HTTP/1.1 200 OK\r\n\r\n");
        }
        Alert a = only(capture.replay(dir), "http-flood");
        assertThat(a.evidence()).contains("HTTP flood toward 203.0.113.5: 200 requests").contains("GET/POST");
    }

    @Test
    void randomSubdomainsOfOneDomainAreDnsWaterTorture() throws IOException {
        for (int i = 0; i < 300; i++) {
            capture.after(5_000).udp(BOT, 30_000 + i, "192.168.1.1", 53, query(randomLabel(12) + ".victim-dns.com"));
        }
        Alert a = only(capture.replay(dir), "dns-water-torture");
        assertThat(a.host()).isEqualTo(BOT);
        assertThat(a.peers()).containsExactly("victim-dns.com", "192.168.1.1");
        assertThat(a.evidence()).startsWith("100 distinct random-looking names under victim-dns.com in 100 queries")
                .contains(".victim-dns.com, ");
        assertThat(a.counts()).containsEntry("distinct_names", 100L);
    }

    @Test
    void manyShortTelnetLoginsToOneServerAreBruteForceNotAScan() throws IOException {
        for (int i = 0; i < 25; i++) {
            telnetGuess(BOT, 40_000 + i, "198.51.100.23");
        }
        Alert a = only(capture.replay(dir), "brute-force");
        assertThat(a.host()).isEqualTo(BOT);
        assertThat(a.peers()).containsExactly("198.51.100.23");
        assertThat(a.evidence()).startsWith("20 short sessions to port 23 within");
    }

    @Test
    void aCamerasOrdinaryDayRaisesNothing() throws IOException {
        String cam = "192.168.1.60";
        String recorder = "192.168.1.10";
        capture.tcp(recorder, 51_000, cam, 554, 1, SYN, null).after(500).tcp(cam, 554, recorder, 51_000, 9, SYN | ACK,
                null).after(500).tcp(recorder, 51_000, cam, 554, 2, ACK, null);
        capture.after(500).tcp(recorder, 51_000, cam, 554, 2, PSH | ACK, "PLAY rtsp://cam/stream RTSP/1.0\r\n\r\n");
        byte[] rtp = new byte[1_200];
        for (int s = 0; s < 30; s++) {
            for (int i = 0; i < 400; i++) {
                capture.after(2_500).udp(cam, 6_970, recorder, 50_000, rtp);
            }
            capture.udp(recorder, 50_001, cam, 6_971, new byte[32]);
            if (s % 5 == 0) {
                for (String name : List.of("ntp.vendor-cloud.com", "api.vendor-cloud.com", "upgrade.vendor-cloud.com")) {
                    capture.udp(cam, 33_000 + s, "192.168.1.1", 53, query(name));
                }
                capture.udp(cam, 123, "162.159.200.1", 123, new byte[48]).udp("162.159.200.1", 123, cam, 123,
                        new byte[48]);
                int port = 44_000 + s;
                capture.tcp(cam, port, "52.1.2.3", 443, 1, SYN, null).tcp("52.1.2.3", 443, cam, port, 9, SYN | ACK,
                        null).tcp(cam, port, "52.1.2.3", 443, 2, ACK, null).tcp(cam, port, "52.1.2.3", 443, 2,
                        PSH | ACK, "\u0016\u0003\u0001heartbeat").tcp("52.1.2.3", 443, cam, port, 10, PSH | ACK, "ok")
                        .tcp(cam, port, "52.1.2.3", 443, 3, FIN | ACK, null);
            }
        }
        assertThat(capture.replay(dir)).isEmpty();
    }

    @Test
    void aLocalHostAttackedFromOutsideGetsVictimAlertsOnly() throws IOException {
        String victim = "192.168.1.9";
        for (int i = 0; i < 3_000; i++) {
            String spoofed = (1 + random.nextInt(200)) + "." + random.nextInt(256) + ".7." + (1 + random.nextInt(250));
            int port = 1024 + random.nextInt(60_000);
            capture.after(300).tcp(spoofed, port, victim, 25565, 0, SYN, null);
            if (i % 4 == 0) {
                capture.tcp(victim, 25565, spoofed, port, 5, SYN | ACK, null);
            }
        }
        for (int i = 0; i < 21_000; i++) {
            capture.after(40).udp("198.18." + (i % 40) + ".1", 53, victim, 4444, new byte[600]);
        }
        for (int i = 0; i < 25; i++) {
            telnetGuess("198.51.100.77", 40_000 + i, victim);
        }
        List<Alert> alerts = capture.replay(dir);
        assertThat(alerts).extracting(Alert::kind).containsExactlyInAnyOrder("syn-flood", "udp-flood", "brute-force");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.role()).isEqualTo(Alert.Role.VICTIM);
            assertThat(a.host()).isEqualTo(victim);
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.evidence()).startsWith("victim of ");
        });
    }

    /** One Mirai-style guess: handshake, prompt, user name and password, refusal, close; about a second. */
    private void telnetGuess(String client, int port, String server) {
        capture.after(800_000).tcp(client, port, server, 23, 1, SYN, null)
                .after(20_000).tcp(server, 23, client, port, 9, SYN | ACK, null)
                .after(20_000).tcp(client, port, server, 23, 2, ACK, null)
                .after(20_000).tcp(server, 23, client, port, 10, PSH | ACK, "login: ")
                .after(20_000).tcp(client, port, server, 23, 2, PSH | ACK, "root\r\nxc3511\r\n")
                .after(20_000).tcp(server, 23, client, port, 17, PSH | ACK, "Login incorrect\r\n")
                .after(20_000).tcp(client, port, server, 23, 18, FIN | ACK, null);
    }

    private String randomLabel(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A DNS query (A record) for {@code name}. */
    static byte[] query(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {0, 0, 1, 0, 1});
        return out.toByteArray();
    }
}
