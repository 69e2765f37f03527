package dev.warden.watch.detect;

import static dev.warden.watch.detect.Flows.syn;
import static dev.warden.watch.detect.Flows.tcp;
import static dev.warden.watch.detect.Flows.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.model.Severity;
import dev.warden.watch.decode.Captures;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.Packets;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exfiltration, lateral movement and baseline anomalies from finished flows (as a Zeek log or NetFlow would give
 * them) and from a synthetic pcap, through the whole {@link WatchPipeline} with every shipped detector, and a
 * learning period of one hour and 20 flows.
 */
class BehaviourDetectorsTest {
    private static final String CAMERA = "192.168.1.20";
    private static final String RECORDER = "192.168.1.10";
    private static final String ROUTER = "192.168.1.1";
    private static final String CLOUD = "52.1.2.3";
    private static final String NTP = "216.239.35.0";

    @TempDir
    Path rulesDir;

    private final List<FlowEvent> flows = new ArrayList<>();
    private DetectorContext context;

    @BeforeEach
    void oneHourOfLearning() throws IOException {
        Files.writeString(rulesDir.resolve("profile.yaml"), "learnSeconds: 3600\nlearnFlows: 20\n");
        RuleSource rules = RuleSource.overriddenBy(rulesDir);
        context = new DetectorContext(rules, LocalNetworks.load(rules));
    }

    private List<Alert> run() {
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(context), FlowTable.Config.defaults(), alerts::add);
        flows.sort(java.util.Comparator.comparingLong(FlowEvent::endNanos));
        flows.forEach(pipeline::flow);
        pipeline.finish();
        return alerts;
    }

    /**
     * A camera's ordinary life from {@code fromSeconds} for {@code hours}: its recorder pulls RTSP in 5-minute flows
     * (2 Mbit/s out), it asks the router's DNS and an NTP server every 10 minutes, and heartbeats its cloud.
     */
    private void cameraLife(String camera, double fromSeconds, int hours) {
        for (int i = 0; i < hours * 12; i++) {
            double t = fromSeconds + i * 300;
            flows.add(tcp(RECORDER, camera, 554, t, 300, 150_000, 75_000_000));
            flows.add(tcp(camera, CLOUD, 443, t + 5, 1, 800, 600));
            if (i % 2 == 0) {
                flows.add(udp(camera, ROUTER, 53, t + 7, 70, 120));
                flows.add(udp(camera, NTP, 123, t + 8, 90, 90));
            }
        }
    }

    private static List<Alert> ofKind(List<Alert> alerts, String kind) {
        return alerts.stream().filter(a -> a.kind().equals(kind)).toList();
    }

    @Test
    void aCameraUploading500MbToAnUnseenRemoteIsOneExfiltration() {
        cameraLife(CAMERA, 0, 4);
        // 500 MB over ten minutes to a host it never talked to, in one-minute flows; the alert comes at 100 MB.
        for (int i = 0; i < 10; i++) {
            flows.add(tcp(CAMERA, "198.51.100.77", 443, 4 * 3600 + 60 + i * 60, 60, 50_000_000, 40_000));
        }
        List<Alert> alerts = run();
        assertThat(alerts).extracting(Alert::kind).containsExactly("exfiltration");
        Alert a = alerts.get(0);
        assertThat(a.host()).isEqualTo(CAMERA);
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.peers()).containsExactly("198.51.100.77");
        assertThat(a.counts()).containsEntry("bytes_out", 100_000_000L).containsEntry("flows", 2L)
                .containsEntry("learned_peers", 4L);
        assertThat(a.evidence()).contains("sent 100.0 MB to 198.51.100.77 (443/tcp) in 120 s, 833.3 kB/s")
                .contains("not among its 4 learned peers");
    }

    @Test
    void aNewRemotePullingTheCameraStreamIsExfiltrationButTheRecorderNeverIs() {
        cameraLife(CAMERA, 0, 4);
        flows.add(tcp("203.0.113.40", CAMERA, 554, 4 * 3600 + 30, 120, 20_000, 30_000_000));
        List<Alert> alerts = run();
        assertThat(alerts).extracting(Alert::kind).containsExactly("exfiltration");
        assertThat(alerts.get(0).evidence()).contains("554/tcp, a stream/upload port");
    }

    @Test
    void aCameraOpeningTelnetSshAndSmbToTenLanHostsIsLateralMovement() {
        cameraLife(CAMERA, 0, 2);
        int[] ports = {23, 22, 445};
        for (int i = 0; i < 10; i++) {
            flows.add(syn(CAMERA, "192.168.1." + (100 + i), ports[i % 3], 2 * 3600 + 10 + i));
        }
        List<Alert> alerts = run();
        assertThat(alerts).extracting(Alert::kind).containsExactly("lateral-movement");
        Alert a = alerts.get(0);
        assertThat(a.host()).isEqualTo(CAMERA);
        assertThat(a.counts()).containsEntry("targets", 5L).containsEntry("ports", 3L);
        assertThat(a.peers()).containsExactly("192.168.1.100", "192.168.1.101", "192.168.1.102", "192.168.1.103",
                "192.168.1.104");
        assertThat(a.evidence()).contains("admin ports 22,23,445 to 5 LAN hosts");
    }

    @Test
    void telnetToItsOwnRecorderCountsBecauseTheCameraNeverUsedTelnet() {
        cameraLife(CAMERA, 0, 2);
        flows.add(syn(CAMERA, RECORDER, 23, 2 * 3600 + 5));
        for (int i = 0; i < 4; i++) {
            flows.add(syn(CAMERA, "192.168.1." + (100 + i), 23, 2 * 3600 + 10 + i));
        }
        List<Alert> alerts = run();
        assertThat(ofKind(alerts, "lateral-movement")).singleElement()
                .satisfies(a -> assertThat(a.peers()).startsWith(RECORDER));
        // Five flows on a port it never used is also a baseline anomaly.
        assertThat(ofKind(alerts, "anomaly")).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("new ports 23/tcp (5 flows)"));
    }

    @Test
    void fromAPcapACameraThatStartsTelnettingItsNeighboursIsLateralMovement() throws IOException {
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        pcap.writeBytes(Captures.pcapHeader(false, false, 1));
        // 70 minutes of DNS lookups every 3 minutes (learning: an hour and 20 flows), then telnet SYNs to 6 hosts
        // on 23 and 2323 (three each: fewer than the baseline's 5 flows on a new port).
        for (int i = 0; i < 24; i++) {
            frame(pcap, i * 180, Packets.ipv4(17, CAMERA, ROUTER, Packets.udp(40_000 + i, 53, new byte[30])));
            frame(pcap, i * 180 + 0.01, Packets.ipv4(17, ROUTER, CAMERA, Packets.udp(53, 40_000 + i, new byte[60])));
        }
        for (int i = 0; i < 6; i++) {
            frame(pcap, 4300 + i * 0.2, Packets.ipv4(6, CAMERA, "192.168.1." + (50 + i),
                    Packets.tcp(50_000 + i, i % 2 == 0 ? 23 : 2323, 1, 0, PacketView.TCP_SYN, new byte[0], new byte[0])));
        }
        Path file = rulesDir.resolve("camera.pcap");
        Files.write(file, pcap.toByteArray());
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(context), FlowTable.Config.defaults(), alerts::add);
        assertThat(PcapReplay.run(file, pipeline).malformedTotal()).isZero();
        assertThat(alerts).extracting(Alert::kind, Alert::host).containsExactly(tuple("lateral-movement", CAMERA));
        assertThat(alerts.get(0).evidence()).startsWith("opened 5 connections on admin ports 23,2323 to 5 LAN hosts");
    }

    private static void frame(ByteArrayOutputStream pcap, double seconds, byte[] ip) {
        byte[] frame = Packets.eth(0x0800, ip);
        long micros = (long) (seconds * 1e6);
        pcap.writeBytes(Captures.pcapRecord(false, Flows.T0 / RuleFields.SECOND + micros / 1_000_000,
                micros % 1_000_000, frame, frame.length));
    }

    @Test
    void aRecorderPullingRtspAndSnapshotsFromTwentyCamerasRaisesNothing() {
        for (int c = 0; c < 20; c++) {
            String camera = "192.168.1." + (100 + c);
            for (int i = 0; i < 36; i++) {
                double t = c + i * 300;
                flows.add(tcp(RECORDER, camera, 554, t, 300, 150_000, 75_000_000));
                flows.add(tcp(RECORDER, camera, 80, t + 100, 1, 600, 250_000));
            }
        }
        for (int i = 0; i < 36; i++) {
            flows.add(udp(RECORDER, ROUTER, 53, i * 300 + 50, 70, 120));
            flows.add(tcp(RECORDER, CLOUD, 443, i * 300 + 60, 2, 2_000, 1_500));
        }
        assertThat(run()).isEmpty();
    }

    @Test
    void aDeviceTalkingToManyNewRemotesOnANewPortIsOneMediumAnomaly() {
        cameraLife(CAMERA, 0, 2);
        for (int i = 0; i < 200; i++) {
            flows.add(tcp(CAMERA, "41.0." + (i / 250) + "." + (i % 250 + 1), 6667, 2 * 3600 + 60 + i * 3, 1, 300,
                    200));
        }
        List<Alert> alerts = run();
        assertThat(alerts).extracting(Alert::kind).containsExactly("anomaly");
        Alert a = alerts.get(0);
        assertThat(a.host()).isEqualTo(CAMERA);
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.peers()).containsExactly("41.0.0.1", "41.0.0.2", "41.0.0.3", "41.0.0.4", "41.0.0.5");
        assertThat(a.counts()).containsEntry("new_destinations", 5L).containsEntry("new_ports", 1L);
        assertThat(a.evidence()).contains("5 new remote destinations; new ports 6667/tcp (5 flows)");
    }

    @Test
    void aVolumeJumpToAUsualPeerIsALowAnomalyNotExfiltration() {
        cameraLife(CAMERA, 0, 3);
        flows.add(tcp(CAMERA, CLOUD, 443, 3 * 3600 + 60, 600, 9_000_000_000L, 50_000));
        List<Alert> alerts = run();
        assertThat(alerts).extracting(Alert::kind).containsExactly("anomaly");
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.LOW);
        assertThat(alerts.get(0).evidence()).contains("9.2 GB out this bucket, 10x its largest learned bucket (900.0 MB)");
    }

    @Test
    void beingScannedFromTheInternetAfterLearningIsNeverAnAnomaly() {
        cameraLife(CAMERA, 0, 2);
        for (int i = 0; i < 300; i++) {
            flows.add(syn("45.0." + (i / 200) + "." + (i % 200 + 1), CAMERA, i % 2 == 0 ? 23 : 2323,
                    2 * 3600 + i * 0.1));
        }
        assertThat(run()).isEmpty();
    }
}
