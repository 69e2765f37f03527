package dev.warden.watch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.model.Severity;
import dev.warden.watch.decode.Captures;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.Packets;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic captures through the whole pipeline: a Mirai scanner, the victim of many scanners, ordinary traffic. */
class PcapReplayTest {
    private static final int SYN = PacketView.TCP_SYN;
    private static final int ACK = PacketView.TCP_ACK;
    private static final int RST = PacketView.TCP_RST;
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    private long micros;

    PcapReplayTest() {
        pcap.writeBytes(Captures.pcapHeader(false, false, 1));
    }

    /** A TCP packet {@code gapMicros} after the previous one. */
    private void tcp(long gapMicros, String src, int sp, String dst, int dp, long seq, int flags) {
        micros += gapMicros;
        byte[] frame = Packets.eth(0x0800, Packets.ipv4(6, src, dst, Packets.tcp(sp, dp, seq, 0, flags, new byte[0],
                new byte[0])));
        pcap.writeBytes(Captures.pcapRecord(false, T0 + micros / 1_000_000, micros % 1_000_000, frame, frame.length));
    }

    private void udp(long gapMicros, String src, int sp, String dst, int dp) {
        micros += gapMicros;
        byte[] frame = Packets.eth(0x0800, Packets.ipv4(17, src, dst, Packets.udp(sp, dp, new byte[40])));
        pcap.writeBytes(Captures.pcapRecord(false, T0 + micros / 1_000_000, micros % 1_000_000, frame, frame.length));
    }

    private static long ipv4(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = v << 8 | Integer.parseInt(part);
        }
        return v;
    }

    private List<Alert> replay() throws IOException {
        Path file = dir.resolve("x.pcap");
        Files.write(file, pcap.toByteArray());
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(DetectorContext.defaults()),
                FlowTable.Config.defaults(), alerts::add);
        assertThat(PcapReplay.run(file, pipeline).malformedTotal()).isZero();
        assertThat(pipeline.summary().alerts()).isEqualTo(alerts.size());
        return alerts;
    }

    @Test
    void aMiraiScannerSweepingTelnetRaisesOneScanAlertNamingTheSignature() throws IOException {
        for (int i = 0; i < 300; i++) {
            String target = "100.64." + (i / 200) + "." + (i % 200 + 1);
            tcp(2_000, "192.168.1.50", 40_000 + i, target, i % 10 == 0 ? 2323 : 23, ipv4(target), SYN);
            if (i % 3 == 0) {
                tcp(500, target, i % 10 == 0 ? 2323 : 23, "192.168.1.50", 40_000 + i, 0, RST | ACK);
            }
        }
        List<Alert> alerts = replay();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo("192.168.1.50");
            assertThat(a.kind()).isEqualTo("scan");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.evidence()).contains("64 distinct addresses on ports 23,2323")
                    .contains("Mirai SYN signature: 64 of 64 SYNs had seq == destination address");
            assertThat(a.peers()).hasSize(10).startsWith("100.64.0.1");
            assertThat(a.counts()).containsEntry("targets", 64L).containsEntry("mirai_syns", 64L);
            assertThat(a.ts().getEpochSecond()).isEqualTo(T0);
        });
    }

    @Test
    void aScannerWithoutMiraisSignatureIsStillAScanButNotNamedMirai() throws IOException {
        for (int i = 0; i < 100; i++) {
            tcp(10_000, "10.1.1.1", 50_000 + i, "172.16.3." + (i + 1), 37215, 12345 + i, SYN);
        }
        List<Alert> alerts = replay();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.evidence()).contains("port 37215").doesNotContain("Mirai");
        });
    }

    @Test
    void theVictimOfManyScannersIsNeverAlerted() throws IOException {
        for (int i = 0; i < 200; i++) {
            String scanner = "198.51." + (i / 100) + "." + (i % 100 + 1);
            tcp(5_000, scanner, 30_000 + i, "192.168.1.9", 23, ipv4("192.168.1.9"), SYN);
            tcp(100, "192.168.1.9", 23, scanner, 30_000 + i, 777, SYN | ACK);
            tcp(100, scanner, 30_000 + i, "192.168.1.9", 23, 0, RST);
        }
        assertThat(replay()).isEmpty();
    }

    @Test
    void ordinaryTrafficRaisesNothing() throws IOException {
        for (int i = 0; i < 40; i++) {
            String server = "93.184.216." + (i % 8 + 1);
            tcp(50_000, "192.168.1.20", 41_000 + i, server, i % 2 == 0 ? 443 : 8080, 1000 + i, SYN);
            tcp(20_000, server, i % 2 == 0 ? 443 : 8080, "192.168.1.20", 41_000 + i, 9, SYN | ACK);
            tcp(1_000, "192.168.1.20", 41_000 + i, server, i % 2 == 0 ? 443 : 8080, 1001 + i, ACK);
            udp(1_000, "192.168.1.20", 53_000 + i, "192.168.1.1", 53);
        }
        tcp(1_000, "192.168.1.20", 45_000, "192.168.1.30", 23, ipv4("192.168.1.30"), SYN);
        assertThat(replay()).isEmpty();
    }
}
